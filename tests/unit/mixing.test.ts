import { describe, expect, it } from "vitest";
import { effectivePolicy, mixingPolicySchema, planMix, SEED_POLICY } from "@/lib/mixing";

describe("mixing policy (seed table)", () => {
  // n new -> old, straight from the seed: 10 -> 50x, 50 -> 20x, 200 -> 10x, 500+ -> 5x, cap 3,000
  it.each([
    [10, 500, 510, false],
    [49, 2450, 2499, false],
    [50, 1000, 1050, true],
    [199, 3000, 3199, true],
    [200, 2000, 2200, true],
    [499, 3000, 3499, true],
    [500, 2500, 3000, true],
    [600, 3000, 3600, true],
    [5000, 3000, 8000, true],
  ])("%i new -> %i old (%i total), allowed %s", (n, old, total, allowed) => {
    const plan = planMix(n, 25_000);
    expect(plan.oldSamples).toBe(old);
    expect(plan.total).toBe(total);
    expect(plan.allowed).toBe(allowed);
  });

  it("explains the band and what limited the old samples", () => {
    expect(planMix(60, 25_000).reason).toBe("20x for 50-199 new samples");
    expect(planMix(180, 25_000)).toMatchObject({ limitedBy: "cap", band: { fromNew: 50, toNew: 199, multiplier: 20 } });
    expect(planMix(100, 800)).toMatchObject({ oldSamples: 800, limitedBy: "anchor" });
    expect(planMix(10, 25_000).reason).toMatch(/refused: fewer than 50 new samples/);
    expect(planMix(700, 25_000).band.toNew).toBeNull();
  });

  it("takes per-project overrides and keeps the seed's values elsewhere", () => {
    const p = effectivePolicy({ cap: 1000, holdout: { enabled: true } });
    expect(p.cap).toBe(1000);
    expect(p.bands).toEqual(SEED_POLICY.bands);
    expect(p.holdout).toEqual({ enabled: true, fraction: 0.2 });
    expect(planMix(100, 25_000, p).oldSamples).toBe(1000);
    expect(effectivePolicy(null)).toEqual(SEED_POLICY);
  });

  it("rejects malformed policies", () => {
    expect(mixingPolicySchema.safeParse({ ...SEED_POLICY, bands: [{ fromNew: 10, multiplier: 5 }] }).success).toBe(false);
    expect(mixingPolicySchema.safeParse({ ...SEED_POLICY, bands: [{ fromNew: 0, multiplier: 5 }, { fromNew: 0, multiplier: 2 }] }).success).toBe(false);
    expect(mixingPolicySchema.safeParse({ ...SEED_POLICY, cap: -1 }).success).toBe(false);
    expect(() => planMix(-1, 10)).toThrow(RangeError);
  });
});
