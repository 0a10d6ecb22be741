import { describe, expect, it } from "vitest";
import { layoutHistogram } from "./layoutHistogram.ts";

const area = { x: 40, y: 10, width: 400, height: 200, gap: 4 };
const bins = [
  { from: 0, to: 50_000, count: 2 },
  { from: 50_000, to: 100_000, count: 10 },
  { from: 100_000, to: 150_000, count: 0 },
  { from: 150_000, to: 200_000, count: 5 },
];

describe("layoutHistogram", () => {
  it("draws one bar per bin, in order, side by side within the plot", () => {
    const { bars } = layoutHistogram(bins, area);
    expect(bars).toHaveLength(4);
    expect(bars.map((bar) => bar.from)).toEqual([0, 50_000, 100_000, 150_000]);
    for (const [index, bar] of bars.entries()) {
      expect(bar.x).toBeGreaterThanOrEqual(area.x + index * 100);
      expect(bar.x + bar.width).toBeLessThanOrEqual(area.x + (index + 1) * 100);
      expect(bar.y + bar.height).toBeCloseTo(area.y + area.height);
    }
  });

  it("makes heights proportional to counts against a round axis top", () => {
    const { bars, maxCount } = layoutHistogram(bins, area);
    expect(maxCount).toBe(10);
    expect(bars[1]?.height).toBeCloseTo(200);
    expect(bars[3]?.height).toBeCloseTo(100);
    expect(bars[0]?.height).toBeCloseTo(40);
  });

  it("keeps an empty bin's place with a bar of no height", () => {
    const { bars } = layoutHistogram(bins, area);
    expect(bars[2]?.height).toBe(0);
    expect(bars[2]?.width).toBeGreaterThan(0);
  });

  it("lays out nothing for no bins, and an axis of 1 when every bin is empty", () => {
    expect(layoutHistogram([], area)).toEqual({ bars: [], maxCount: 1 });
    const empty = layoutHistogram([{ from: 0, to: 1, count: 0 }], area);
    expect(empty.maxCount).toBe(1);
    expect(empty.bars[0]?.height).toBe(0);
  });
});
