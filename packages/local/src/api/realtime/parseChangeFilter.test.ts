import { describe, expect, it } from "vitest";
import { describeFilterConditions, parseChangeFilter } from "./parseChangeFilter.ts";

describe("parseChangeFilter", () => {
  it("reads no filter as no condition", () => {
    expect(parseChangeFilter(undefined)).toEqual({ ok: true, conditions: [] });
    expect(parseChangeFilter("")).toEqual({ ok: true, conditions: [] });
  });

  it("reads each operator Supabase supports", () => {
    for (const operator of [
      "eq",
      "neq",
      "lt",
      "lte",
      "gt",
      "gte",
      "like",
      "ilike",
      "match",
      "imatch",
      "isdistinct",
    ]) {
      expect(parseChangeFilter(`score=${operator}.5`)).toEqual({
        ok: true,
        conditions: [{ column: "score", operator, value: "5", negated: false }],
      });
    }
    expect(parseChangeFilter("closed_at=is.NULL")).toEqual({
      ok: true,
      conditions: [{ column: "closed_at", operator: "is", value: "null", negated: false }],
    });
  });

  it("keeps a value's dots and equals signs, and splits AND-ed conditions on commas outside quotes and lists", () => {
    expect(
      parseChangeFilter(
        'email=eq.a.b=c@x.kz,status=not.in.(new,"on hold, later"),title=eq."Шины, \\"диски\\""',
      ),
    ).toEqual({
      ok: true,
      conditions: [
        { column: "email", operator: "eq", value: "a.b=c@x.kz", negated: false },
        { column: "status", operator: "in", value: ["new", "on hold, later"], negated: true },
        { column: "title", operator: "eq", value: 'Шины, "диски"', negated: false },
      ],
    });
  });

  it("refuses what Supabase cannot parse, with its message", () => {
    for (const filter of [
      "wrong",
      "=eq.1",
      "id=eq",
      "id=near.1",
      "id=in.1,2",
      "id=in.()",
      'id=eq."open',
      "id=is.maybe",
      "a=eq.1,",
    ]) {
      expect(parseChangeFilter(filter)).toEqual({
        ok: false,
        message: `Error parsing \`filter\` params: ${JSON.stringify([filter])}`,
      });
    }
  });

  it("describes conditions as Supabase's errors list them", () => {
    const parsed = parseChangeFilter("notacolumn=eq.123,id=not.in.(1,2)");
    expect(parsed.ok && describeFilterConditions(parsed.conditions)).toBe(
      '[{"notacolumn", "eq", "123", false}, {"id", "in", "(1,2)", true}]',
    );
  });
});
