import { z } from "zod";
import type { ApiContext } from "../context.ts";
import { AuthError } from "./AuthError.ts";
import { isBanned, loadAuthUser } from "./loadAuthUser.ts";
import { startSession } from "./startSession.ts";

const passwordGrantSchema = z.looseObject({
  email: z.string().optional(),
  phone: z.string().optional(),
  password: z.string().optional(),
});
const credentialRowsSchema = z.array(
  z.object({ id: z.string(), password_ok: z.boolean(), confirmed: z.boolean() }),
);

const invalidCredentials = () =>
  new AuthError(400, "invalid_credentials", "Invalid login credentials", "invalid_grant");

/** `POST /auth/v1/token?grant_type=password`: email + password checked with bcrypt (pgcrypto), then a new session. */
export async function handlePasswordGrant(ctx: ApiContext, body: unknown): Promise<Record<string, unknown>> {
  const parsed = passwordGrantSchema.safeParse(body);
  if (!parsed.success)
    throw new AuthError(400, "validation_failed", "Send a JSON object with email and password");
  const { email, phone, password } = parsed.data;
  if ((email === undefined || email === "") && phone !== undefined && phone !== "") {
    throw new AuthError(
      400,
      "phone_provider_disabled",
      "Phone logins are disabled: the local stand-in signs in with email and password only",
    );
  }
  if (email === undefined || email === "" || password === undefined || password === "") {
    throw new AuthError(400, "validation_failed", "Sign in with both an email and a password");
  }
  return ctx.sql.begin(async (tx) => {
    const [row] = credentialRowsSchema.parse(
      await tx`
        select id::text as id,
               case when encrypted_password like '$2%'
                    then encrypted_password = extensions.crypt(${password}, encrypted_password)
                    else false end as password_ok,
               email_confirmed_at is not null as confirmed
          from auth.users
         where email = ${email.trim().toLowerCase()} and deleted_at is null`,
    );
    if (!row?.password_ok) throw invalidCredentials();
    if (!row.confirmed)
      throw new AuthError(400, "email_not_confirmed", "Email not confirmed", "invalid_grant");
    await tx`update auth.users set last_sign_in_at = now(), updated_at = now() where id = ${row.id}`;
    const user = await loadAuthUser(tx, row.id);
    if (!user) throw invalidCredentials();
    if (isBanned(user)) throw new AuthError(400, "user_banned", "User is banned", "invalid_grant");
    return startSession(tx, ctx, user);
  });
}
