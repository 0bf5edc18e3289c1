import { describe, expect, it } from "vitest";
import { sampleWithoutReplacement, seededShuffle, stratifiedPick } from "@/lib/sampling";

describe("seeded sampling", () => {
  const ids = Array.from({ length: 1000 }, (_, i) => i + 1);

  it("is reproducible from its seed and independent of input order", () => {
    const a = sampleWithoutReplacement(ids, 50, 42, (x) => x);
    expect(sampleWithoutReplacement([...ids].reverse(), 50, 42, (x) => x)).toEqual(a);
    expect(sampleWithoutReplacement(ids, 50, 43, (x) => x)).not.toEqual(a);
    expect(new Set(a).size).toBe(50);
  });

  it("is roughly uniform", () => {
    const hits = new Array(10).fill(0);
    for (let s = 0; s < 200; s++) for (const x of sampleWithoutReplacement(ids, 100, s, (v) => v)) hits[Math.floor((x - 1) / 100)]++;
    for (const h of hits) {
      expect(h).toBeGreaterThan(1600);
      expect(h).toBeLessThan(2400);
    }
  });

  it("never returns more than it has", () => {
    expect(sampleWithoutReplacement([1, 2, 3], 10, 1, (x) => x)).toHaveLength(3);
    expect(seededShuffle([], 1)).toEqual([]);
  });

  it("stratifies by the rarest class so rare classes reach the test split", () => {
    // 900 images of class 0 only, 100 that also contain rare class 1
    const items = ids.map((id) => ({ id, classes: id <= 100 ? [0, 1] : [0] }));
    const picked = stratifiedPick(items, 0.1, 7, (i) => i.classes, (i) => i.id);
    const rare = [...picked].filter((i) => i.classes.includes(1)).length;
    expect(picked.size).toBe(100);
    expect(rare).toBe(10);
    expect(stratifiedPick(items, 0.1, 7, (i) => i.classes, (i) => i.id)).toEqual(picked);
  });
});
