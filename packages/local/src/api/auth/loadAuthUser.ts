import type { Sql, TransactionSql } from "postgres";
import { z } from "zod";

const metadataSchema = z.record(z.string(), z.unknown()).nullable();
const authUserSchema = z.object({
  id: z.string(),
  aud: z.string().nullable(),
  role: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  email_confirmed_at: z.date().nullable(),
  last_sign_in_at: z.date().nullable(),
  created_at: z.date().nullable(),
  updated_at: z.date().nullable(),
  banned_until: z.date().nullable(),
  raw_app_meta_data: metadataSchema,
  raw_user_meta_data: metadataSchema,
  is_anonymous: z.boolean(),
});
export type AuthUser = z.infer<typeof authUserSchema>;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The (not deleted) user with this id from `auth.users`, or null. */
export async function loadAuthUser(sql: Sql | TransactionSql, id: string): Promise<AuthUser | null> {
  if (!uuidPattern.test(id)) return null;
  const rows = await sql.unsafe(
    `select id::text as id, aud, role, email, phone, email_confirmed_at, last_sign_in_at, created_at, updated_at, banned_until,
            raw_app_meta_data, raw_user_meta_data, is_anonymous
       from auth.users where id = $1 and deleted_at is null`,
    [id],
    { prepare: true },
  );
  return rows[0] === undefined ? null : authUserSchema.parse(rows[0]);
}

/** The user object GoTrue returns (`/user`, and `user` in a session). */
export function renderGoTrueUser(user: AuthUser): Record<string, unknown> {
  const optional: Record<string, string> = {};
  if (user.email_confirmed_at) {
    optional.email_confirmed_at = user.email_confirmed_at.toISOString();
    optional.confirmed_at = user.email_confirmed_at.toISOString();
  }
  if (user.last_sign_in_at) optional.last_sign_in_at = user.last_sign_in_at.toISOString();
  return {
    id: user.id,
    aud: user.aud ?? "authenticated",
    role: user.role ?? "authenticated",
    email: user.email ?? "",
    phone: user.phone ?? "",
    ...optional,
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    identities: [],
    created_at: (user.created_at ?? new Date(0)).toISOString(),
    updated_at: (user.updated_at ?? new Date(0)).toISOString(),
    is_anonymous: user.is_anonymous,
  };
}

/** Whether the user is banned right now. */
export function isBanned(user: AuthUser): boolean {
  return user.banned_until !== null && user.banned_until.getTime() > Date.now();
}
