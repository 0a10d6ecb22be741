import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { renderDatabaseTypes } from "../../packages/local/src/database/generateDatabaseTypes.ts";
import { databaseTypesFile } from "../../packages/local/src/paths.ts";
import { createTestDatabase } from "../support/testDatabase.ts";

/** CI fails when the checked-in `Database` types no longer match the migrations. */
describe("packages/shared/src/database.types.ts", () => {
  it("matches what `supabase gen types` prints for the migrated schema (else run `npm run db:types`)", async () => {
    const db = await createTestDatabase();
    try {
      const expected = await renderDatabaseTypes(db.url);
      const checkedIn = await readFile(databaseTypesFile, "utf8");
      expect(checkedIn === expected, "database.types.ts is stale: run `npm run db:types` and commit it").toBe(
        true,
      );
      expect(checkedIn).toContain("leads: {");
    } finally {
      await db.drop();
    }
  }, 60_000);
});
