import { describe, expect, it } from "vitest";
import { readTaskRefusal } from "./TaskRefusedError.ts";

describe("readTaskRefusal", () => {
  it("reads the stable code the server raises", () => {
    expect(readTaskRefusal("invalid_url")).toBe("invalid_url");
    expect(readTaskRefusal("too_many_urls")).toBe("too_many_urls");
    expect(readTaskRefusal("operator_role_required")).toBe("operator_role_required");
  });

  it("does not take one code for another that contains it", () => {
    expect(readTaskRefusal("no_urls_given")).toBeNull();
    expect(readTaskRefusal("too_many_urls: 60 given")).toBe("too_many_urls");
  });

  it("knows nothing of other failures", () => {
    expect(readTaskRefusal("permission denied for table parser_tasks")).toBeNull();
  });
});
