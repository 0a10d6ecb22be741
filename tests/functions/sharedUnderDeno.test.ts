import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { denoBinary, functionsDir, repoRoot } from "../../packages/local/src/paths.ts";

const run = promisify(execFile);

/** packages/shared is the same code under Deno (through supabase/functions/deno.json) as under Node. */
describe("packages/shared under Deno", () => {
  it("imports through the functions' import map and reads phones as Node does", async () => {
    const script = `import { extractPhone, leadStatuses } from "@arqan/shared";
console.log(JSON.stringify({ phone: extractPhone("звоните 8 701 123 45 67"), statuses: leadStatuses.length }));`;
    const { stdout } = await run(
      denoBinary,
      ["eval", "--quiet", `--config=${resolve(functionsDir, "deno.json")}`, "--ext=ts", script],
      { cwd: repoRoot, env: { ...process.env, DENO_TLS_CA_STORE: "system", NO_COLOR: "1" } },
    );
    expect(JSON.parse(stdout)).toEqual({ phone: "+77011234567", statuses: 6 });
  }, 60_000);
});
