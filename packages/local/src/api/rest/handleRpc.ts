import { z } from "zod";
import { buildReadStatement } from "./buildStatements.ts";
import { chooseRoutine, type RoutineCall } from "./chooseRoutine.ts";
import { collectFilters } from "./collectFilters.ts";
import { findRoutines } from "./findRoutines.ts";
import { parseOrder } from "./parseOrder.ts";
import { parseRange } from "./parseRange.ts";
import { parseSelect } from "./parseSelect.ts";
import { quoteIdentifier } from "./quoteIdentifier.ts";
import { RestError } from "./RestError.ts";
import type { RestRequest, RestResult } from "./RestRequest.ts";
import { scopeOf } from "./RestRequest.ts";
import { readJsonBody } from "./readJsonBody.ts";
import { contentTypeOf, requireSingleRow, respondToRead } from "./respondWithRows.ts";
import { type CommitEarly, type RequestSql, runAsRequestRole } from "./runAsRequestRole.ts";
import { runStatement } from "./runStatement.ts";
import { bindUntyped, SqlParameters } from "./SqlParameters.ts";

const argumentsSchema = z.record(z.string(), z.unknown());
const scalarRowSchema = z.object({ body: z.string().nullable() });
const shapingParameters = ["select", "order", "limit", "offset"];

/**
 * `POST|GET|HEAD /rest/v1/rpc/<fn>`: named arguments matched to the function's declared parameters (pg_proc) and
 * converted to their types by Postgres (`json_to_record`); scalars answer as the JSON value, sets as an array,
 * a single composite as an object, void as 204. GET runs read-only, as PostgREST runs it.
 */
export async function handleRpc(request: RestRequest, name: string): Promise<RestResult> {
  const { url, method } = request;
  const isPost = method === "POST";
  let bodyText = "{}";
  let postedNames: string[] = [];
  if (isPost) {
    const body = await readJsonBody(request.req, "{}");
    if (Array.isArray(body.value))
      throw RestError.unsupported("Calling a function with a JSON array body (one call per element)");
    bodyText = body.text;
    const parsed = argumentsSchema.safeParse(body.value);
    postedNames = parsed.success ? Object.keys(parsed.data) : [];
  }

  return runAsRequestRole<RestResult>(
    request.ctx,
    scopeOf(request, !isPost),
    async (tx, rollback, commitEarly) => {
      const routines = await findRoutines(tx, name);
      let argumentNames = postedNames;
      let argumentsJson = bodyText;
      if (!isPost) {
        const known = new Set(
          routines
            .flatMap((routine) => routine.parameters.map((parameter) => parameter.name))
            .filter((n) => n !== ""),
        );
        const values: Record<string, string | string[]> = {};
        for (const [key, value] of url.searchParams) {
          if (!known.has(key) || shapingParameters.includes(key)) continue;
          const existing = values[key];
          values[key] =
            existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
        }
        argumentNames = Object.keys(values);
        argumentsJson = JSON.stringify(values);
      }
      const call = chooseRoutine(name, routines, argumentNames, isPost);
      const result = await callRoutine(
        tx,
        request,
        call,
        argumentsJson,
        new Set(isPost ? [] : argumentNames),
        commitEarly,
      );
      return request.prefer.rollback ? rollback(result) : result;
    },
  );
}

async function callRoutine(
  tx: RequestSql,
  request: RestRequest,
  call: RoutineCall,
  argumentsJson: string,
  argumentKeys: ReadonlySet<string>,
  commitEarly: CommitEarly,
): Promise<RestResult> {
  const { url, media, prefer } = request;
  const { routine } = call;
  const head = request.method === "HEAD";
  if (routine.returns === "unsupported") {
    throw RestError.unsupported(
      `Calling public.${routine.name}, which returns ${routine.returnType} (declare OUT parameters or a table type)`,
    );
  }
  const parameters = new SqlParameters();
  let argumentsFrom = "";
  let callArguments = "";
  if (call.kind === "wholeBody") {
    callArguments = `${parameters.bind(argumentsJson)}::${call.type}`;
  } else if (call.arguments.length > 0) {
    const declared = call.arguments.map((argument) => {
      const parameter = routine.parameters.find((candidate) => candidate.name === argument);
      if (!parameter)
        throw new RangeError(`chooseRoutine picked ${routine.name} without a parameter ${argument}`);
      return parameter;
    });
    const columns = declared
      .map((parameter) => `${quoteIdentifier(parameter.name)} ${parameter.type}`)
      .join(", ");
    argumentsFrom = `json_to_record(${parameters.bind(argumentsJson)}::json) as _pgrst_args(${columns})`;
    callArguments = declared
      .map(
        (parameter) =>
          `${quoteIdentifier(parameter.name)} := ${parameter.variadic ? "variadic " : ""}_pgrst_args.${quoteIdentifier(parameter.name)}`,
      )
      .join(", ");
  }
  const callSql = `"public".${quoteIdentifier(routine.name)}(${callArguments})`;
  const filters = collectFilters(url.searchParams, argumentKeys);
  const shaped =
    filters.length > 0 ||
    shapingParameters.some(
      (parameter) => url.searchParams.has(parameter) && url.searchParams.get(parameter) !== "*",
    );

  // Once the call is sent, commit behind it unless a check on its result may still have to roll it back.
  const mayCommitEarly =
    request.method !== "POST" ||
    (!prefer.rollback && (!routine.returnsSet || (media.shape === "array" && prefer.count === null)));
  const sendCommitIfSafe = () => {
    if (mayCommitEarly) commitEarly();
  };

  if (routine.returns === "void" || (routine.returns === "scalar" && !routine.returnsSet)) {
    if (shaped)
      throw RestError.unsupported(
        `select, filters, order or limits on the scalar result of public.${routine.name}`,
      );
    const fromClause = argumentsFrom === "" ? "" : ` from ${argumentsFrom}`;
    const text =
      routine.returns === "void"
        ? `select ${callSql}${fromClause}`
        : `select to_json(${callSql})::text as body${fromClause}`;
    const pending = tx.unsafe(text, bindUntyped(tx, parameters.values), { prepare: true }).execute();
    sendCommitIfSafe();
    const rows = await pending;
    if (routine.returns === "void") return { status: 204, body: null, headers: {} };
    const row = scalarRowSchema.parse(rows[0]);
    return {
      status: 200,
      body: head ? null : (row.body ?? "null"),
      headers: { "content-type": "application/json; charset=utf-8" },
    };
  }

  const alias = quoteIdentifier(routine.name);
  const from =
    argumentsFrom === ""
      ? `${callSql} as ${alias}`
      : `${argumentsFrom} cross join lateral ${callSql} as ${alias}`;
  if (routine.returns === "scalar" && shaped) {
    throw RestError.unsupported(
      `select, filters, order or limits on the set of scalars returned by public.${routine.name}`,
    );
  }
  if (!routine.returnsSet && filters.length > 0) {
    throw RestError.unsupported(`Filters on the single row returned by public.${routine.name}`);
  }
  const single = !routine.returnsSet;
  const rangeHeader = request.req.headers.range;
  const range = parseRange(
    url,
    Array.isArray(rangeHeader) ? rangeHeader[0] : rangeHeader,
    request.method !== "POST",
  );
  const text = buildReadStatement(
    {
      from,
      alias,
      select:
        routine.returns === "scalar"
          ? [{ kind: "column", column: routine.name, alias: null, cast: null }]
          : parseSelect(url.searchParams.get("select")),
      filters,
      order: parseOrder(url.searchParams.get("order")),
      range,
      count: prefer.count === "exact",
      body: head ? "none" : single ? "object" : media.shape,
      stripNulls: media.stripNulls,
      ...(routine.returns === "scalar" ? { valueColumn: alias } : {}),
    },
    parameters,
  );
  const pending = runStatement(tx, text, parameters.values);
  sendCommitIfSafe();
  const rows = await pending;
  if (single) {
    return {
      status: 200,
      body: head ? null : (rows.body ?? "null"),
      headers: { "content-type": contentTypeOf({ shape: "object", stripNulls: false }) },
    };
  }
  if (!head) requireSingleRow(rows, media);
  return respondToRead(rows, range.offset, media, head, prefer);
}
