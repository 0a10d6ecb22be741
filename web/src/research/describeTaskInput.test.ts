import { describe, expect, it } from "vitest";
import { describeTaskInput, taskSourceUrls } from "./describeTaskInput.ts";

const parseInput = {
  urls: ["https://www.olx.kz/elektronika/q-кондиционер/", "https://satu.kz/Kondytsionery.html"],
  site: "auto",
  browser: "auto",
  follow_pages: 2,
};

describe("describeTaskInput", () => {
  it("sums up a parse task by its pages and the first shop's host", () => {
    expect(describeTaskInput("parse", parseInput)).toEqual({
      kind: "parse",
      urlCount: 2,
      firstHost: "olx.kz",
      site: "auto",
      followPages: 2,
    });
  });

  it("sums up a niche task by its query, city and marketplaces", () => {
    expect(
      describeTaskInput("niche", {
        query: "кондиционер",
        city: "Almaty",
        sites: ["olx", "kaspi"],
        max_pages: 3,
      }),
    ).toEqual({ kind: "niche", query: "кондиционер", city: "Almaty", sites: ["olx", "kaspi"], maxPages: 3 });
  });

  it("still lists a task whose input it cannot read", () => {
    expect(describeTaskInput("parse", { url: "https://olx.kz" })).toEqual({ kind: "unknown" });
    expect(describeTaskInput("niche", null)).toEqual({ kind: "unknown" });
    expect(describeTaskInput("niche", parseInput)).toEqual({ kind: "unknown" });
  });
});

describe("taskSourceUrls", () => {
  it("gives a parse task's pages and nothing for a niche task", () => {
    expect(taskSourceUrls("parse", parseInput)).toEqual(parseInput.urls);
    expect(taskSourceUrls("niche", { query: "x", city: null, sites: [], max_pages: 1 })).toEqual([]);
  });
});
