import { z } from "zod";

/**
 * The seed's data-mixing policy: every fine-tune trains on all n pool samples accumulated since
 * the current base plus old (anchor) samples, old = min(multiplier(n) x n, cap, anchor size).
 * Pure: the caller supplies n and the anchor size.
 */
export const mixingPolicySchema = z
  .object({
    /** ascending by fromNew; the band with the largest fromNew <= n applies */
    bands: z
      .array(z.object({ fromNew: z.number().int().min(0), multiplier: z.number().positive().max(1000) }))
      .min(1)
      .max(20),
    cap: z.number().int().positive().max(1_000_000),
    /** fine-tunes on fewer new samples are refused */
    minimum: z.number().int().min(1).max(1_000_000),
    /** samples at which the base is retrained from scratch instead */
    baseRetrainAt: z.number().int().min(1).max(10_000_000),
    /** off by default (the seed trains on all new samples) */
    holdout: z.object({ enabled: z.boolean(), fraction: z.number().gt(0).lt(1) }),
  })
  .refine((p) => p.bands[0]!.fromNew === 0, { message: "the first band must start at 0 new samples", path: ["bands"] })
  .refine((p) => p.bands.every((b, i) => i === 0 || b.fromNew > p.bands[i - 1]!.fromNew), {
    message: "bands must be in ascending order of fromNew, without repeats",
    path: ["bands"],
  });

export type MixingPolicy = z.infer<typeof mixingPolicySchema>;

export const SEED_POLICY: MixingPolicy = {
  bands: [
    { fromNew: 0, multiplier: 50 },
    { fromNew: 50, multiplier: 20 },
    { fromNew: 200, multiplier: 10 },
    { fromNew: 500, multiplier: 5 },
  ],
  cap: 3000,
  minimum: 50,
  baseRetrainAt: 2000,
  holdout: { enabled: false, fraction: 0.2 },
};

/** Project settings store only overrides; missing keys take the seed's values. */
export function effectivePolicy(overrides: unknown): MixingPolicy {
  const o = (overrides && typeof overrides === "object" ? overrides : {}) as Partial<MixingPolicy>;
  return mixingPolicySchema.parse({ ...SEED_POLICY, ...o, holdout: { ...SEED_POLICY.holdout, ...(o.holdout ?? {}) } });
}

export type MixPlan = {
  newSamples: number;
  band: { fromNew: number; multiplier: number; toNew: number | null };
  oldSamples: number;
  total: number;
  /** what limited `oldSamples`: the multiplier, the cap, or the anchor's size */
  limitedBy: "multiplier" | "cap" | "anchor";
  allowed: boolean;
  reason: string;
};

export function planMix(newSamples: number, anchorSize: number, policy: MixingPolicy = SEED_POLICY): MixPlan {
  if (!Number.isInteger(newSamples) || newSamples < 0) throw new RangeError("newSamples must be a non-negative integer");
  const i = policy.bands.findLastIndex((b) => b.fromNew <= newSamples);
  const band = policy.bands[i]!;
  const next = policy.bands[i + 1];
  const byMultiplier = Math.round(band.multiplier * newSamples);
  const oldSamples = Math.min(byMultiplier, policy.cap, anchorSize);
  const limitedBy = oldSamples === byMultiplier ? "multiplier" : oldSamples === policy.cap ? "cap" : "anchor";
  const allowed = newSamples >= policy.minimum;
  const range = next ? `${band.fromNew}-${next.fromNew - 1}` : `${band.fromNew}+`;
  const why =
    limitedBy === "multiplier"
      ? `${band.multiplier}x for ${range} new samples`
      : limitedBy === "cap"
        ? `${band.multiplier}x for ${range} new samples, capped at ${policy.cap.toLocaleString("en")} old`
        : `${band.multiplier}x for ${range} new samples, limited by the anchor's ${anchorSize.toLocaleString("en")} images`;
  return {
    newSamples,
    band: { ...band, toNew: next ? next.fromNew - 1 : null },
    oldSamples,
    total: newSamples + oldSamples,
    limitedBy,
    allowed,
    reason: allowed ? why : `${why}; refused: fewer than ${policy.minimum} new samples`,
  };
}
