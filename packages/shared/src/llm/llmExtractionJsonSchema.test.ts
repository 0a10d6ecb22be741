import { describe, expect, it } from "vitest";
import { llmExtractionSchema } from "./llmExtraction.ts";
import { llmExtractionJsonSchema } from "./llmExtractionJsonSchema.ts";

/** Keywords OpenAI's strict mode rejects. */
const unsupported = [
  "oneOf",
  "allOf",
  "not",
  "if",
  "then",
  "else",
  "$ref",
  "patternProperties",
  "default",
  "format",
];

const example = {
  language: "ru",
  city: "Almaty",
  budget_kzt: 300_000,
  timeline_days: 1,
  phone: "+77011234567",
  need: "Кондиционер",
  intent: "buy",
  sentiment: "neutral",
};

describe("llmExtractionJsonSchema", () => {
  it("is valid for OpenAI's strict mode: every property required, nothing additional", () => {
    const keys = Object.keys(llmExtractionJsonSchema.properties);
    expect(llmExtractionJsonSchema.type).toBe("object");
    expect(llmExtractionJsonSchema.additionalProperties).toBe(false);
    expect([...llmExtractionJsonSchema.required].sort()).toEqual([...keys].sort());
    for (const property of Object.values(llmExtractionJsonSchema.properties)) {
      expect(property.type).toBeDefined();
      for (const keyword of unsupported) expect(property).not.toHaveProperty(keyword);
    }
    expect(JSON.parse(JSON.stringify(llmExtractionJsonSchema))).toEqual(llmExtractionJsonSchema);
  });

  it("describes exactly the properties the zod schema parses", () => {
    expect(Object.keys(llmExtractionJsonSchema.properties).sort()).toEqual(
      Object.keys(llmExtractionSchema.shape).sort(),
    );
  });

  it("allows null exactly where the zod schema does", () => {
    for (const [key, property] of Object.entries(llmExtractionJsonSchema.properties)) {
      const allowsNull = Array.isArray(property.type) && property.type.includes("null");
      expect(llmExtractionSchema.safeParse({ ...example, [key]: null }).success, key).toBe(allowsNull);
    }
  });

  it("lists only values the zod schema accepts", () => {
    for (const [key, property] of Object.entries(llmExtractionJsonSchema.properties)) {
      if (!("enum" in property)) continue;
      for (const value of property.enum) {
        expect(llmExtractionSchema.safeParse({ ...example, [key]: value }).success, `${key}=${value}`).toBe(
          true,
        );
      }
    }
  });
});
