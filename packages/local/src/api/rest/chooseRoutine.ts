import type { Routine } from "./findRoutines.ts";
import { RestError } from "./RestError.ts";

export type RoutineCall =
  | { routine: Routine; kind: "named"; arguments: string[] }
  | { routine: Routine; kind: "wholeBody"; type: string };

/**
 * Picks the overload PostgREST would call: the one whose named parameters cover every argument given and whose
 * parameters without default are all given; else, for a POST, one taking a single unnamed json/jsonb parameter.
 */
export function chooseRoutine(
  name: string,
  routines: readonly Routine[],
  argumentNames: readonly string[],
  isPost: boolean,
): RoutineCall {
  const matches = routines.filter(
    (routine) =>
      routine.parameters.every((parameter) => parameter.name !== "" || parameter.hasDefault) &&
      argumentNames.every((argument) =>
        routine.parameters.some((parameter) => parameter.name === argument),
      ) &&
      routine.parameters.every((parameter) => parameter.hasDefault || argumentNames.includes(parameter.name)),
  );
  const [only, ...others] = matches;
  if (only && others.length === 0) return { routine: only, kind: "named", arguments: [...argumentNames] };
  if (only) {
    const signatures = matches.map(
      (routine) =>
        `public.${name}(${routine.parameters.map((parameter) => `${parameter.name} => ${parameter.type}`).join(", ")})`,
    );
    throw new RestError(300, {
      code: "PGRST203",
      message: `Could not choose the best candidate function between: ${signatures.join(", ")}`,
      details: null,
      hint: "Try renaming the parameters or the function itself in the database so function overloading can be resolved",
    });
  }
  const single = isPost
    ? routines.find((routine) => {
        const [parameter, ...rest] = routine.parameters;
        return (
          parameter !== undefined &&
          rest.length === 0 &&
          parameter.name === "" &&
          (parameter.type === "json" || parameter.type === "jsonb")
        );
      })
    : undefined;
  const parameter = single?.parameters[0];
  if (single && parameter) return { routine: single, kind: "wholeBody", type: parameter.type };

  const sorted = [...argumentNames].sort();
  const withParameters =
    sorted.length === 0
      ? " without parameters"
      : ` with parameter${sorted.length > 1 ? "s" : ""} ${sorted.join(", ")}`;
  throw new RestError(404, {
    code: "PGRST202",
    message: `Could not find the function public.${name}${sorted.length === 0 ? " without parameters" : `(${sorted.join(", ")})`} in the schema cache`,
    details: `Searched for the function public.${name}${withParameters}${isPost ? " or with a single unnamed json/jsonb parameter" : ""}, but no matches were found in the schema cache.`,
    hint:
      routines.length > 0
        ? `The function public.${name} exists, but with other parameters: check the argument names.`
        : null,
  });
}
