import { z } from "zod";

/** One `postgres_changes` binding as realtime-js sends it (extra keys are kept so the reply can echo them). */
const bindingSchema = z.looseObject({
  event: z.string(),
  schema: z.string(),
  table: z.string().nullish(),
  filter: z.string().nullish(),
  select: z.array(z.string()).nullish(),
});
export type ChangeBinding = z.infer<typeof bindingSchema>;

/** The `phx_join` payload realtime-js 2.x sends on `realtime:<name>`. */
const joinPayloadSchema = z.looseObject({
  config: z
    .looseObject({
      broadcast: z
        .looseObject({
          ack: z.boolean().nullish(),
          self: z.boolean().nullish(),
          replay: z.unknown().optional(),
          replication_ready: z.boolean().nullish(),
        })
        .nullish(),
      presence: z.looseObject({ key: z.string().nullish(), enabled: z.boolean().nullish() }).nullish(),
      postgres_changes: z.array(bindingSchema.nullable()).nullish(),
      private: z.boolean().nullish(),
      postgres_changes_options: z
        .looseObject({ wait: z.boolean().nullish(), timeout: z.number().nullish() })
        .nullish(),
    })
    .nullish(),
  access_token: z.string().nullish(),
  user_token: z.string().nullish(),
});
export type JoinPayload = z.infer<typeof joinPayloadSchema>;

export type ParsedJoinPayload =
  | { ok: true; payload: JoinPayload; bindings: ChangeBinding[] }
  | { ok: false; reason: string };

/** Reads a join payload; a shape realtime-js would never send is refused with a reason naming the field. */
export function parseJoinPayload(payload: unknown): ParsedJoinPayload {
  const parsed = joinPayloadSchema.safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "payload";
    return { ok: false, reason: `InvalidJoinPayload: ${where}: ${issue?.message ?? "invalid"}` };
  }
  const bindings = (parsed.data.config?.postgres_changes ?? []).filter((binding) => binding !== null);
  return { ok: true, payload: parsed.data, bindings };
}
