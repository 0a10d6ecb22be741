import { AuthApiError, isAuthSessionMissingError } from "@supabase/supabase-js";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createAuthUser } from "../../packages/local/src/api/auth/createAuthUser.ts";
import { signJwt } from "../../packages/local/src/api/jwt.ts";
import { startTestStack, type TestStack } from "../support/testStack.ts";
import { connectClient, signInClient } from "./restClients.ts";

const email = "operator@arqan.test";
const password = "correct horse battery staple";

describe("Auth stand-in (GoTrue subset) driven by supabase-js", () => {
  let stack: TestStack;
  let userId: string;

  beforeAll(async () => {
    stack = await startTestStack();
    userId = await createAuthUser(stack.db.sql, { email, password });
  });
  afterAll(() => stack.close());

  async function authFetch(path: string, init: RequestInit = {}): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${stack.apiUrl}/auth/v1${path}`, {
      ...init,
      headers: { apikey: stack.anonKey, "content-type": "application/json", ...init.headers },
    });
    const text = await response.text();
    return { status: response.status, body: text === "" ? null : JSON.parse(text) };
  }

  it("signs in with email and password and issues GoTrue's session and claims", async () => {
    const client = connectClient(stack);
    const { data, error } = await client.auth.signInWithPassword({ email: "Operator@Arqan.test", password });
    expect(error).toBeNull();
    const session = data.session;
    expect(session?.token_type).toBe("bearer");
    expect(session?.expires_in).toBe(3600);
    expect(session?.refresh_token).toEqual(expect.any(String));
    expect(data.user).toMatchObject({
      id: userId,
      email,
      aud: "authenticated",
      role: "authenticated",
      is_anonymous: false,
    });
    expect(data.user?.app_metadata).toEqual({ provider: "email", providers: ["email"] });
    expect(data.user?.email_confirmed_at).toEqual(expect.any(String));

    const claims = decodeJwt(session?.access_token ?? "");
    expect(claims).toMatchObject({
      sub: userId,
      role: "authenticated",
      aud: "authenticated",
      email,
      phone: "",
      app_metadata: { provider: "email", providers: ["email"] },
      user_metadata: {},
      aal: "aal1",
      is_anonymous: false,
    });
    expect(claims.session_id).toEqual(expect.any(String));
    expect(claims.amr).toEqual([{ method: "password", timestamp: expect.any(Number) }]);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600);
    expect(session?.expires_at).toBe(claims.exp);
  });

  it("refuses a wrong password with 400 invalid_grant / invalid_credentials", async () => {
    const client = connectClient(stack);
    const { data, error } = await client.auth.signInWithPassword({ email, password: "wrong password" });
    expect(data.session).toBeNull();
    expect(error).toBeInstanceOf(AuthApiError);
    expect(error?.message).toBe("Invalid login credentials");
    expect(error?.status).toBe(400);
    expect(error?.code).toBe("invalid_credentials");

    const raw = await authFetch("/token?grant_type=password", {
      method: "POST",
      body: JSON.stringify({ email, password: "nope" }),
    });
    expect(raw.status).toBe(400);
    expect(raw.body).toMatchObject({
      error: "invalid_grant",
      error_description: "Invalid login credentials",
      error_code: "invalid_credentials",
    });
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const { error } = await connectClient(stack).auth.signInWithPassword({
      email: "nobody@arqan.test",
      password,
    });
    expect(error?.status).toBe(400);
    expect(error?.message).toBe("Invalid login credentials");
  });

  it("says phone sign-in is disabled instead of pretending", async () => {
    const { error } = await connectClient(stack).auth.signInWithPassword({ phone: "+77011234567", password });
    expect(error).toBeInstanceOf(AuthApiError);
    expect(error?.status).toBe(400);
    expect(error?.code).toBe("phone_provider_disabled");
  });

  it("returns the signed-in user from /user", async () => {
    const client = await signInClient(stack, email, password);
    const { data, error } = await client.auth.getUser();
    expect(error).toBeNull();
    expect(data.user).toMatchObject({ id: userId, email, role: "authenticated" });
  });

  async function refreshWith(refreshToken: string | undefined): Promise<{ status: number; body: unknown }> {
    return authFetch("/token?grant_type=refresh_token", {
      method: "POST",
      body: JSON.stringify({ refresh_token: refreshToken }),
    });
  }

  function sessionOf(body: unknown): { refreshToken: unknown; sessionId: unknown } {
    const parsed = z.object({ access_token: z.string(), refresh_token: z.string() }).parse(body);
    return { refreshToken: parsed.refresh_token, sessionId: decodeJwt(parsed.access_token).session_id };
  }

  it("answers two tabs refreshing with the same token at once, both with the session's new refresh token", async () => {
    const client = await signInClient(stack, email, password);
    const first = (await client.auth.getSession()).data.session;
    const firstRefresh = first?.refresh_token;
    const firstSessionId = decodeJwt(first?.access_token ?? "").session_id;

    const [tabA, tabB] = await Promise.all([refreshWith(firstRefresh), refreshWith(firstRefresh)]);
    expect(tabA.status).toBe(200);
    expect(tabB.status).toBe(200);
    const a = sessionOf(tabA.body);
    const b = sessionOf(tabB.body);
    expect(a.refreshToken).not.toBe(firstRefresh);
    expect(b.refreshToken).toBe(a.refreshToken);
    expect(a.sessionId).toBe(firstSessionId);
    expect(b.sessionId).toBe(firstSessionId);

    // A tab that missed the rotation retries with the old token within the interval: same active token again.
    const late = await refreshWith(firstRefresh);
    expect(late.status).toBe(200);
    expect(sessionOf(late.body)).toEqual({ refreshToken: a.refreshToken, sessionId: firstSessionId });

    // The session survives and the shared token rotates on as usual.
    const next = await refreshWith(String(a.refreshToken));
    expect(next.status).toBe(200);
    expect(sessionOf(next.body).sessionId).toBe(firstSessionId);
    expect(sessionOf(next.body).refreshToken).not.toBe(a.refreshToken);
  });

  it("rotates refresh tokens and, after refresh_token_reuse_interval, rejects a rotated one, revoking its session", async () => {
    const client = await signInClient(stack, email, password);
    const first = (await client.auth.getSession()).data.session;
    const firstRefresh = first?.refresh_token ?? "";
    const refreshed = await client.auth.refreshSession({ refresh_token: firstRefresh });
    expect(refreshed.error).toBeNull();
    const second = refreshed.data.session;
    expect(second?.refresh_token).not.toBe(firstRefresh);
    expect(decodeJwt(second?.access_token ?? "").session_id).toBe(
      decodeJwt(first?.access_token ?? "").session_id,
    );

    // The rotation happened longer ago than the 10 s reuse interval (supabase/config.toml).
    await stack.db.sql`
      update auth.refresh_tokens set updated_at = now() - interval '11 seconds' where token = ${firstRefresh}`;
    const reuse = await refreshWith(firstRefresh);
    expect(reuse.status).toBe(400);
    expect(reuse.body).toMatchObject({ error: "invalid_grant", error_code: "refresh_token_already_used" });

    // Reuse is treated as theft: the rotated-to token dies with the session.
    const afterReuse = await refreshWith(second?.refresh_token);
    expect(afterReuse.status).toBe(400);
    expect(afterReuse.body).toMatchObject({ error_code: "refresh_token_not_found" });
    const user = await connectClient(stack).auth.getUser(second?.access_token);
    expect(isAuthSessionMissingError(user.error)).toBe(true);
  });

  it("after sign-out the refresh token fails and the access token's session is gone", async () => {
    const client = await signInClient(stack, email, password);
    const session = (await client.auth.getSession()).data.session;
    const { error } = await client.auth.signOut();
    expect(error).toBeNull();

    const other = connectClient(stack);
    const refresh = await other.auth.refreshSession({ refresh_token: session?.refresh_token ?? "" });
    expect(refresh.error).toBeInstanceOf(AuthApiError);
    expect(refresh.error?.status).toBe(400);

    const user = await other.auth.getUser(session?.access_token);
    expect(isAuthSessionMissingError(user.error)).toBe(true);
    const raw = await authFetch("/user", { headers: { authorization: `Bearer ${session?.access_token}` } });
    expect(raw.status).toBe(403);
    expect(raw.body).toMatchObject({ error_code: "session_not_found" });
  });

  it("signs out other sessions only with scope=others", async () => {
    const keep = await signInClient(stack, email, password);
    const drop = await signInClient(stack, email, password);
    const dropped = (await drop.auth.getSession()).data.session;
    expect((await keep.auth.signOut({ scope: "others" })).error).toBeNull();
    expect((await keep.auth.getUser()).data.user?.id).toBe(userId);
    const gone = await connectClient(stack).auth.getUser(dropped?.access_token);
    expect(isAuthSessionMissingError(gone.error)).toBe(true);
  });

  it("rejects expired, badly signed and malformed tokens on /user with 401 bad_jwt", async () => {
    const expired = await signJwt(
      { sub: userId, role: "authenticated", aud: "authenticated" },
      stack.jwtSecret,
      -60,
    );
    const forged = await signJwt(
      { sub: userId, role: "authenticated" },
      "another-secret-with-at-least-32-characters!",
      3600,
    );
    for (const token of [expired, forged, "not-a-jwt"]) {
      const { data, error } = await connectClient(stack).auth.getUser(token);
      expect(data.user).toBeNull();
      expect(error).toBeInstanceOf(AuthApiError);
      expect(error?.status).toBe(401);
      expect(error?.code).toBe("bad_jwt");
    }
    const raw = await authFetch("/user", { headers: { authorization: `Bearer ${expired}` } });
    expect(raw.body).toMatchObject({ code: "bad_jwt", msg: expect.stringContaining("expired") });
  });

  it("requires the apikey and answers 501 for endpoints it does not serve", async () => {
    const noKey = await fetch(`${stack.apiUrl}/auth/v1/user`);
    expect(noKey.status).toBe(401);

    const signup = await authFetch("/signup", {
      method: "POST",
      body: JSON.stringify({ email: "new@arqan.test", password }),
    });
    expect(signup.status).toBe(501);
    expect(signup.body).toMatchObject({ message: expect.stringContaining("POST /auth/v1/signup") });
    const pkce = await authFetch("/token?grant_type=pkce", { method: "POST", body: "{}" });
    expect(pkce.status).toBe(501);
  });

  it("createAuthUser is idempotent by email and resets the password", async () => {
    const again = await createAuthUser(stack.db.sql, {
      email: "second@arqan.test",
      password: "first password",
    });
    const same = await createAuthUser(stack.db.sql, {
      email: "Second@arqan.test",
      password: "second password",
    });
    expect(same).toBe(again);
    const [{ count } = { count: -1 }] = await stack.db.sql<
      { count: number }[]
    >`select count(*)::int as count from auth.users where email = 'second@arqan.test'`;
    expect(count).toBe(1);
    expect(
      (
        await connectClient(stack).auth.signInWithPassword({
          email: "second@arqan.test",
          password: "first password",
        })
      ).error?.status,
    ).toBe(400);
    expect(
      (
        await connectClient(stack).auth.signInWithPassword({
          email: "second@arqan.test",
          password: "second password",
        })
      ).error,
    ).toBeNull();

    const chosen = "6f1c2f4e-8a51-4c77-9d8e-2b1a0c3d4e5f";
    expect(await createAuthUser(stack.db.sql, { email: "third@arqan.test", password, id: chosen })).toBe(
      chosen,
    );
  });
});
