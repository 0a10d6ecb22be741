import type { z } from "zod";

/**
 * A request's or response's JSON body, or null when there is none or it is not JSON: for answers whose body only
 * adds detail (a provider's error message).
 */
export async function readJsonOrNull(message: Request | Response): Promise<unknown> {
  try {
    return await message.json();
  } catch {
    return null;
  }
}

/**
 * A request body parsed with `schema`: the data, or why not — "malformed" when it is not JSON, else zod's error,
 * so the function can answer 400 with its own code.
 */
export async function readJsonBody<T>(
  req: Request,
  schema: z.ZodType<T>,
): Promise<
  { ok: true; data: T } | { ok: false; malformed: true } | { ok: false; malformed: false; error: z.ZodError }
> {
  let json: unknown;
  try {
    json = await req.json();
  } catch {
    return { ok: false, malformed: true };
  }
  const parsed = schema.safeParse(json);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, malformed: false, error: parsed.error };
}
