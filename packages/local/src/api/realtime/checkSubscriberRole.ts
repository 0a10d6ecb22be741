import type { Sql } from "postgres";
import { z } from "zod";

const roleRowSchema = z.object({ exists: z.boolean(), allowed: z.boolean() });

/**
 * Whether a token's role may receive changes: it must exist and, as with PostgREST, be a role the
 * `authenticator` login may switch to (anon, authenticated, service_role…) so a token cannot claim the owner.
 * Returns what is wrong, or null.
 */
export async function checkSubscriberRole(sql: Sql, role: string): Promise<string | null> {
  const [row] = await sql.unsafe(
    `select r.oid is not null as exists,
            r.oid is not null and (a.oid is null or pg_has_role(a.oid, r.oid, 'MEMBER')) as allowed
     from (select 1) as one
     left join pg_roles r on r.rolname = $1
     left join pg_roles a on a.rolname = 'authenticator'`,
    [role],
  );
  const found = roleRowSchema.parse(row);
  if (!found.exists) return `role "${role}" does not exist`;
  if (!found.allowed) return `role "${role}" is not one the authenticator role may switch to`;
  return null;
}
