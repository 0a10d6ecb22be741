import { describe, expect, it } from "vitest";
import { extractPhone, normalizePhone } from "./extractPhone.ts";

describe("extractPhone", () => {
  it.each([
    ["звоните 8 701 123 45 67", "+77011234567"],
    ["8 (701) 123-45-67", "+77011234567"],
    ["7011234567", "+77011234567"],
    ["мой номер 701-123-45-67 спасибо", "+77011234567"],
    ["+7 701 123 4567", "+77011234567"],
    ["77011234567", "+77011234567"],
    ["87011234567", "+77011234567"],
    ["Алматы, городской 8 (727) 250-12-34", "+77272501234"],
    ["+998 90 123 45 67 Ташкент", "+998901234567"],
    ["+7 (916) 123-45-67", "+79161234567"],
    ["first 8 701 111 22 33, then +7 702 444 55 66", "+77011112233"],
  ])("reads %j as %s", (text, phone) => {
    expect(extractPhone(text)).toBe(phone);
  });

  it.each(["бюджет 2000000 тенге", "2 млн", "", "звоните завтра", "123-45"])(
    "finds no phone in %j",
    (text) => {
      expect(extractPhone(text)).toBeNull();
    },
  );
});

describe("normalizePhone", () => {
  it("normalises Kazakhstan forms and rejects non-numbers", () => {
    expect(normalizePhone("8 701 123 45 67")).toBe("+77011234567");
    expect(normalizePhone("+77011234567")).toBe("+77011234567");
    expect(normalizePhone("hello")).toBeNull();
    expect(normalizePhone("12")).toBeNull();
  });
});
