import type { Sql } from "postgres";
import { z } from "zod";

const idRowsSchema = z.array(z.object({ id: z.string() }));

/**
 * Creates a confirmed email/password user in `auth.users` (bcrypt via pgcrypto, as GoTrue stores it), or — when
 * the email already exists — sets its password and confirms it. Idempotent by email; returns the user's id.
 * For the local stack's seed and tests only: on hosted Supabase, users sign up through Auth.
 */
export async function createAuthUser(
  sql: Sql,
  user: { email: string; password: string; id?: string },
): Promise<string> {
  const email = user.email.trim().toLowerCase();
  for (let attempt = 0; ; attempt++) {
    const updated = idRowsSchema.parse(
      await sql`
        update auth.users
           set encrypted_password = extensions.crypt(${user.password}, extensions.gen_salt('bf')),
               email_confirmed_at = coalesce(email_confirmed_at, now()),
               updated_at = now()
         where email = ${email}
        returning id::text as id`,
    );
    const existing = updated[0];
    if (existing) return existing.id;
    try {
      const inserted = idRowsSchema.parse(
        await sql`
          insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                                  raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
          values ('00000000-0000-0000-0000-000000000000', coalesce(${user.id ?? null}::uuid, extensions.gen_random_uuid()),
                  'authenticated', 'authenticated', ${email}, extensions.crypt(${user.password}, extensions.gen_salt('bf')), now(),
                  '{"provider": "email", "providers": ["email"]}'::jsonb, '{}'::jsonb, now(), now())
          returning id::text as id`,
      );
      const created = inserted[0];
      if (!created) throw new Error(`Creating the auth user ${email} returned no row`);
      return created.id;
    } catch (error) {
      // Another caller created the same email between our update and insert: update it on the next pass.
      if (attempt === 0 && error instanceof Error && "code" in error && error.code === "23505") continue;
      throw error;
    }
  }
}
