import { describe, expect, it } from "vitest";
import { boxFromPixels, boxSchema, toYoloLine } from "@/lib/boxes";

describe("boxes", () => {
  it("converts a pixel rectangle, in any corner order, to a clamped normalized box", () => {
    expect(boxFromPixels(2, [300, 200, 100, 100], 400, 400)).toEqual({ cls: 2, cx: 0.5, cy: 0.375, w: 0.5, h: 0.25 });
    const clamped = boxFromPixels(0, [-50, -10, 100, 50], 200, 100);
    expect(clamped).toEqual({ cls: 0, cx: 0.25, cy: 0.25, w: 0.5, h: 0.5 });
  });

  it("validates boxes: inside the page, positive area, finite", () => {
    expect(boxSchema.safeParse({ cls: 1, cx: 0.5, cy: 0.5, w: 0.2, h: 0.2 }).success).toBe(true);
    expect(boxSchema.safeParse({ cls: 1, cx: 0.95, cy: 0.5, w: 0.2, h: 0.2 }).success).toBe(false);
    expect(boxSchema.safeParse({ cls: 1, cx: 0.5, cy: 0.5, w: 0, h: 0.2 }).success).toBe(false);
    expect(boxSchema.safeParse({ cls: 1, cx: Number.NaN, cy: 0.5, w: 0.1, h: 0.2 }).success).toBe(false);
    expect(boxSchema.safeParse({ cls: -1, cx: 0.5, cy: 0.5, w: 0.1, h: 0.2 }).success).toBe(false);
  });

  it("writes YOLO label lines", () => {
    expect(toYoloLine({ cls: 3, cx: 0.5, cy: 0.25, w: 0.125, h: 1 / 3 })).toBe("3 0.500000 0.250000 0.125000 0.333333");
  });
});
