import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const bin = resolve(import.meta.dirname, "../../node_modules/.bin/arqan");

describe("npx arqan signals", () => {
  it("prints what a Russian message tells as one JSON line, keys in a fixed order", async () => {
    const { stdout } = await run(bin, [
      "signals",
      "Нужен кондиционер в Алматы, бюджет 300 тыс, срочно, +7 701 123 45 67",
    ]);
    expect(stdout.trim().split("\n")).toHaveLength(1);
    expect(stdout.trim()).toBe(
      '{"language": "ru", "city": "Almaty", "budget_kzt": 300000, "timeline_days": 1, "phone": "+77011234567"}',
    );
  });

  it("reads a Kazakh message given as several arguments", async () => {
    const { stdout } = await run(bin, [
      "signals",
      "Сәлеметсіз",
      "бе!",
      "Шымкентте",
      "500",
      "мың",
      "теңге,",
      "ертең",
    ]);
    expect(JSON.parse(stdout)).toEqual({
      language: "kk",
      city: "Shymkent",
      budget_kzt: 500_000,
      timeline_days: 2,
      phone: null,
    });
  });

  it("prints nulls for what the message does not tell", async () => {
    const { stdout } = await run(bin, ["signals", "Hi, how much is it?"]);
    expect(JSON.parse(stdout)).toEqual({
      language: "en",
      city: null,
      budget_kzt: null,
      timeline_days: null,
      phone: null,
    });
  });

  it("fails with usage when no text is given", async () => {
    const failure = run(bin, ["signals"]);
    await expect(failure).rejects.toMatchObject({ code: 2, stdout: "" });
    await expect(failure).rejects.toMatchObject({ stderr: expect.stringContaining("arqan signals") });
  });
});
