import { describe, expect, it } from "vitest";
import { readPrerenderedState } from "./readPrerenderedState.ts";

describe("readPrerenderedState", () => {
  it("decodes the state written as JSON inside a JavaScript string", () => {
    const body = String.raw`<script id="olx-init-config">
      window.__INIT_CONFIG__ = "{}";
      window.__PRERENDERED_STATE__= "{\"ad\":{\"ad\":{\"title\":\"Кабель \\\"USB\\\" \\u003Cb\\u003E\\u002F\",\"note\":\"a\\nb\"}}}";
    </script>`;
    expect(readPrerenderedState(body)).toEqual({ ad: { ad: { title: 'Кабель "USB" <b>/', note: "a\nb" } } });
  });

  it("accepts single quotes and JavaScript-only escapes", () => {
    const body = String.raw`window.__PRERENDERED_STATE__ = '{"name":"O\'Neil \x41\u{1F600}"}';`;
    expect(readPrerenderedState(body)).toEqual({ name: "O'Neil A😀" });
  });

  it("returns null when there is no state or it is not JSON", () => {
    expect(readPrerenderedState("<html><body>Доступ ограничен</body></html>")).toBeNull();
    expect(readPrerenderedState('window.__PRERENDERED_STATE__= "{broken";')).toBeNull();
    expect(readPrerenderedState('window.__PRERENDERED_STATE__= "unterminated')).toBeNull();
  });
});
