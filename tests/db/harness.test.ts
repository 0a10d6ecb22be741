import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/testDatabase.ts";

describe("test database", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it("has Supabase's platform roles and request helpers", async () => {
    const roles = await db.sql<{ rolname: string }[]>`
      select rolname from pg_roles where rolname in ('anon','authenticated','service_role','authenticator') order by 1`;
    expect(roles.map((r) => r.rolname)).toEqual(["anon", "authenticated", "authenticator", "service_role"]);
    const [row] = await db.sql.begin(async (tx) => {
      await tx`select set_config('request.jwt.claims', '{"sub":"00000000-0000-0000-0000-000000000001","role":"authenticated"}', true)`;
      return tx<{ uid: string; role: string }[]>`select auth.uid() as uid, auth.role() as role`;
    });
    expect(row).toEqual({ uid: "00000000-0000-0000-0000-000000000001", role: "authenticated" });
  });
});
