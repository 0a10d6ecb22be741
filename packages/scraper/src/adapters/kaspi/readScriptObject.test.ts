import { describe, expect, it } from "vitest";
import { readScriptObject } from "./readScriptObject.ts";

describe("readScriptObject", () => {
  it("reads the JSON assigned to a name, braces inside strings included", () => {
    const body = `<script>BACKEND.components.item = {"card":{"title":"Скобка } и { \\"кавычка\\""},"list":[1,2]};
      BACKEND.components.other = {"x":1};</script>`;
    expect(readScriptObject(body, "BACKEND.components.item")).toEqual({
      card: { title: 'Скобка } и { "кавычка"' },
      list: [1, 2],
    });
  });

  it("skips a longer name, a comparison and a JavaScript (non-JSON) assignment", () => {
    const body = `BACKEND.components.items = {"wrong":true};
      if (BACKEND.components.item == null) {}
      BACKEND.components.item = BACKEND.components.item || {};
      BACKEND.components.item = {kzPhoneOperators: [700]};
      BACKEND.components.item = {"right":true};`;
    expect(readScriptObject(body, "BACKEND.components.item")).toEqual({ right: true });
  });

  it("returns null when the name is absent or its object never closes", () => {
    expect(readScriptObject("<html></html>", "BACKEND.components.item")).toBeNull();
    expect(readScriptObject('BACKEND.components.item = {"a":', "BACKEND.components.item")).toBeNull();
  });
});
