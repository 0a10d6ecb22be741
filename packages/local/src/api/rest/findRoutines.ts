import { z } from "zod";
import type { RequestSql } from "./runAsRequestRole.ts";

export interface RoutineParameter {
  /** Empty for an unnamed parameter. */
  name: string;
  /** The type as `format_type` writes it (valid SQL). */
  type: string;
  variadic: boolean;
  hasDefault: boolean;
}

export interface Routine {
  name: string;
  /** Input parameters in declaration order. */
  parameters: RoutineParameter[];
  returnsSet: boolean;
  /** `composite`: a row type, OUT parameters or `returns table`; `unsupported`: bare `record` or a pseudo-type. */
  returns: "void" | "scalar" | "composite" | "unsupported";
  returnType: string;
}

const routineRowSchema = z.object({
  arg_names: z.array(z.string()),
  arg_modes: z.array(z.string()),
  in_types: z.array(z.string()),
  defaults: z.number(),
  returns_set: z.boolean(),
  return_kind: z.string(),
  return_type: z.string(),
});

/** Every function named `name` in `public` (overloads included), read from pg_proc as PostgREST's schema cache does. */
export async function findRoutines(tx: RequestSql, name: string): Promise<Routine[]> {
  const rows = await tx
    .unsafe(
      `select coalesce(p.proargnames, array[]::text[]) as arg_names,
            coalesce(p.proargmodes::text[], array[]::text[]) as arg_modes,
            array(select format_type(a.type_oid, null) from unnest(p.proargtypes::oid[]) with ordinality as a(type_oid, ord) order by a.ord) as in_types,
            p.pronargdefaults::int as defaults,
            p.proretset as returns_set,
            t.typtype::text as return_kind,
            format_type(p.prorettype, null) as return_type
       from pg_proc p
       join pg_namespace n on n.oid = p.pronamespace
       join pg_type t on t.oid = p.prorettype
      where n.nspname = 'public' and p.proname = $1 and p.prokind = 'f'`,
      [name],
      { prepare: true },
    )
    .execute();
  return z
    .array(routineRowSchema)
    .parse(rows)
    .map((row) => toRoutine(name, row));
}

function toRoutine(name: string, row: z.infer<typeof routineRowSchema>): Routine {
  const inputs: Array<{ name: string; variadic: boolean }> = [];
  if (row.arg_modes.length === 0) {
    row.in_types.forEach((_, index) => {
      inputs.push({ name: row.arg_names[index] ?? "", variadic: false });
    });
  } else {
    row.arg_modes.forEach((mode, index) => {
      if (mode === "i" || mode === "b" || mode === "v")
        inputs.push({ name: row.arg_names[index] ?? "", variadic: mode === "v" });
    });
  }
  const parameters = inputs.map((input, index) => ({
    name: input.name,
    type: row.in_types[index] ?? "unknown",
    variadic: input.variadic,
    hasDefault: index >= inputs.length - row.defaults,
  }));
  const hasOutputs = row.arg_modes.some((mode) => mode === "o" || mode === "b" || mode === "t");
  let returns: Routine["returns"];
  if (row.return_type === "void") returns = "void";
  else if (row.return_kind === "c") returns = "composite";
  else if (row.return_type === "record") returns = hasOutputs ? "composite" : "unsupported";
  else if (row.return_kind === "p") returns = "unsupported";
  else returns = "scalar";
  return { name, parameters, returnsSet: row.returns_set, returns, returnType: row.return_type };
}
