import {
  FunctionsFetchError,
  FunctionsHttpError,
  FunctionsRelayError,
  type SupabaseClient,
} from "@supabase/supabase-js";
import { z } from "zod";
import { classifyQueryFailure } from "./classifyQueryFailure.ts";
import { EdgeFunctionError } from "./EdgeFunctionError.ts";

/** Every function answers a failure as `{ code, message }` (supabase/functions/_shared/errorResponses.ts). */
const functionFailureSchema = z.object({ code: z.union([z.string(), z.number()]), message: z.string() });

/** Reads `{ code, message }` from a failed function's response; anything else becomes `UNKNOWN`. */
export async function readFunctionFailure(response: unknown): Promise<{ code: string; message: string }> {
  if (!(response instanceof Response)) return { code: "UNKNOWN", message: "no response" };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { code: "UNKNOWN", message: `${response.status} with a body that is not JSON` };
  }
  const parsed = functionFailureSchema.safeParse(body);
  if (!parsed.success) return { code: "UNKNOWN", message: `${response.status} without an error code` };
  return { code: String(parsed.data.code), message: parsed.data.message };
}

/**
 * Calls Edge Function `name` with a JSON body, as the signed-in user (supabase-js sends the user's JWT), and
 * returns its JSON answer, unparsed. Throws `EdgeFunctionError` carrying the function's error code.
 */
export async function invokeEdgeFunction(
  client: SupabaseClient,
  name: string,
  body: Record<string, unknown>,
): Promise<unknown> {
  let answer: Awaited<ReturnType<SupabaseClient["functions"]["invoke"]>>;
  try {
    answer = await client.functions.invoke(name, { body });
  } catch (cause) {
    throw new EdgeFunctionError(
      name,
      { status: 0, code: "NETWORK", action: "retry-later", message: "no answer" },
      { cause },
    );
  }
  const { data, error } = answer;
  if (error === null) return data;
  if (error instanceof FunctionsHttpError) {
    const response: unknown = error.context;
    const status = response instanceof Response ? response.status : 500;
    const failure = await readFunctionFailure(response);
    const action = classifyQueryFailure(status, undefined);
    throw new EdgeFunctionError(name, { status, action, ...failure }, { cause: error });
  }
  if (error instanceof FunctionsFetchError || error instanceof FunctionsRelayError) {
    throw new EdgeFunctionError(
      name,
      { status: 0, code: "NETWORK", action: "retry-later", message: String(error.message) },
      { cause: error },
    );
  }
  throw new EdgeFunctionError(
    name,
    { status: 0, code: "UNKNOWN", action: "retry-later", message: "unexpected failure" },
    { cause: error },
  );
}
