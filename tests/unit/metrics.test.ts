import { describe, expect, it } from "vitest";
import type { Box } from "@/lib/boxes";
import { detectionRate, map50, type Prediction } from "@/lib/metrics";

const box = (cls: number, cx: number, cy: number, w = 0.2, h = 0.1): Box => ({ cls, cx, cy, w, h });
const pred = (b: Box, conf: number, dx = 0): Prediction => [b.cls, conf, b.cx + dx, b.cy, b.w, b.h];

describe("detectionRate", () => {
  const a = box(0, 0.2, 0.2);
  const b = box(1, 0.6, 0.6);
  it("counts fields found at the threshold, per class and per page", () => {
    const r = detectionRate([
      { truth: [a, b], predictions: [pred(a, 0.9), pred(b, 0.2)] }, // b below the 0.25 threshold
      { truth: [a], predictions: [pred(a, 0.5)] },
    ]);
    expect(r.fields).toEqual({ found: 2, total: 3, rate: 2 / 3 });
    expect(r.pages).toEqual({ found: 1, total: 2, rate: 0.5 });
    expect(r.perClass[0]).toEqual({ found: 2, total: 2, rate: 1 });
    expect(r.perClass[1]!.rate).toBe(0);
  });
  it("needs the right class and IoU >= 0.5; one prediction finds one field", () => {
    const twin = box(0, 0.2, 0.2);
    const r = detectionRate([{ truth: [a, twin, b], predictions: [pred(a, 0.9), [0, 0.9, 0.6, 0.6, 0.2, 0.1], pred(b, 0.9, 0.15)] }]);
    // a found once (twin unmatched: the only other class-0 prediction is elsewhere), b shifted to IoU < 0.5
    expect(r.fields.found).toBe(1);
  });
});

describe("map50", () => {
  const truth = [box(0, 0.2, 0.2), box(0, 0.7, 0.2), box(1, 0.5, 0.8)];
  it("is 1 for perfect predictions and 0 for none", () => {
    expect(map50([{ truth, predictions: truth.map((t) => pred(t, 0.9)) }]).map50).toBeCloseTo(1, 6);
    expect(map50([{ truth, predictions: [] }]).map50).toBe(0);
  });
  it("ranks by confidence: a confident false positive costs more than a timid one", () => {
    const fp: Prediction = [0, 0.95, 0.45, 0.5, 0.1, 0.1];
    const timid: Prediction = [0, 0.05, 0.45, 0.5, 0.1, 0.1];
    const base = truth.map((t) => pred(t, 0.9));
    const confident = map50([{ truth, predictions: [...base, fp] }]);
    const low = map50([{ truth, predictions: [...base, timid] }]);
    expect(low.perClass[0]).toBeCloseTo(1, 6);
    expect(confident.perClass[0]).toBeLessThan(0.7);
    expect(confident.perClass[1]).toBeCloseTo(1, 6);
  });
  it("half the fields found: class AP near 0.5", () => {
    const r = map50([{ truth: truth.slice(0, 2), predictions: [pred(truth[0]!, 0.9)] }]);
    expect(r.perClass[0]).toBeCloseTo(51 / 101, 6);
  });
});
