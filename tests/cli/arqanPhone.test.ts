import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const bin = resolve(import.meta.dirname, "../../node_modules/.bin/arqan");

describe("npx arqan phone", () => {
  it("prints the E.164 form of a Kazakhstan number written the local way", async () => {
    const { stdout } = await run(bin, ["phone", "Звоните: 8 (701) 123-45-67, Асель"]);
    expect(JSON.parse(stdout)).toEqual({ phone: "+77011234567" });
    expect(stdout.trim()).toBe('{"phone": "+77011234567"}');
  });

  it("keeps a foreign country code", async () => {
    const { stdout } = await run(bin, ["phone", "+998", "90", "123", "45", "67"]);
    expect(JSON.parse(stdout)).toEqual({ phone: "+998901234567" });
  });

  it("prints null when the text holds no phone number", async () => {
    const { stdout } = await run(bin, ["phone", "бюджет 2 млн тенге"]);
    expect(JSON.parse(stdout)).toEqual({ phone: null });
  });

  it("fails with usage when no text is given", async () => {
    await expect(run(bin, ["phone"])).rejects.toMatchObject({ code: 2 });
  });
});
