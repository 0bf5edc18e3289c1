import { describe, expect, it } from "vitest";
import { composeBaseRetrain, composeFinetune, manifestDigest } from "@/lib/manifest";
import { SEED_POLICY } from "@/lib/mixing";

const samples = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ documentId: from + i, revisionId: 10_000 + from + i }));
const anchor = samples(1, 5000);
const val = samples(6001, 100);

describe("fine-tune manifest composition", () => {
  it("takes all new samples and the policy's number of old ones", () => {
    const m = composeFinetune({ pool: samples(9001, 60), anchor, val, policy: SEED_POLICY, seed: 3 });
    expect(m.counts).toEqual({ new: 60, old: 1200, holdout: 0, val: 100 });
    expect(m.plan.reason).toBe("20x for 50-199 new samples");
  });

  it("is identical when regenerated from its seed, different with another seed", () => {
    const input = { pool: samples(9001, 80), anchor, val, policy: SEED_POLICY, seed: 99 };
    const a = composeFinetune(input);
    const b = composeFinetune({ ...input, pool: [...input.pool].reverse(), anchor: [...anchor].reverse() });
    expect(b.items).toEqual(a.items);
    expect(manifestDigest(b.items)).toBe(manifestDigest(a.items));
    expect(manifestDigest(composeFinetune({ ...input, seed: 100 }).items)).not.toBe(manifestDigest(a.items));
  });

  it("holds out a seeded share of the new samples when the option is on", () => {
    const m = composeFinetune({ pool: samples(9001, 100), anchor, val, policy: { ...SEED_POLICY, holdout: { enabled: true, fraction: 0.2 } }, seed: 5 });
    expect(m.counts.holdout).toBe(20);
    expect(m.counts.new).toBe(80);
  });

  it("never samples an anchor image twice or duplicates a pool sample", () => {
    const pool = samples(1, 50); // these anchor images were corrected and re-verified
    const m = composeFinetune({ pool, anchor, val, policy: SEED_POLICY, seed: 8 });
    const ids = m.items.map((i) => i.documentId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(m.items.filter((i) => i.documentId <= 50).every((i) => i.role === "new")).toBe(true);
  });

  it("base retrain: full anchor plus every pool sample", () => {
    const m = composeBaseRetrain({ pool: samples(9001, 2100), anchor, val });
    expect(m.counts).toEqual({ new: 2100, old: 5000, holdout: 0, val: 100 });
  });
});
