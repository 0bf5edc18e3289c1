import { createHash } from "node:crypto";
import type { MixingPolicy, MixPlan } from "./mixing";
import { planMix } from "./mixing";
import { sampleWithoutReplacement } from "./sampling";

/** A manifest line: one document and the exact revision of its labels that a run uses. */
export type ManifestItem = { documentId: number; revisionId: number; role: "new" | "old" | "holdout" | "val" };
export type Sample = { documentId: number; revisionId: number };

export type ComposedManifest = { items: ManifestItem[]; plan: MixPlan; counts: Record<ManifestItem["role"], number> };

/**
 * A fine-tune's training set: every pool sample since the base (minus an optional seeded
 * holdout), plus a uniformly random sample of the anchor sized by the policy, plus the
 * anchor's validation split. Deterministic in (inputs, seed).
 */
export function composeFinetune(input: { pool: Sample[]; anchor: Sample[]; val: Sample[]; policy: MixingPolicy; seed: number }): ComposedManifest {
  const plan = planMix(input.pool.length, input.anchor.length, input.policy);
  const key = (s: Sample) => s.documentId;
  const holdout = new Set(
    input.policy.holdout.enabled ? sampleWithoutReplacement(input.pool, Math.round(input.pool.length * input.policy.holdout.fraction), input.seed ^ 0x1f2e3d, key).map(key) : [],
  );
  const poolIds = new Set(input.pool.map(key));
  // an anchor image that is also a pool sample is already in as "new"
  const anchor = input.anchor.filter((s) => !poolIds.has(s.documentId));
  const old = sampleWithoutReplacement(anchor, plan.oldSamples, input.seed, key);
  const items: ManifestItem[] = [
    ...input.pool.map((s) => ({ ...s, role: holdout.has(s.documentId) ? ("holdout" as const) : ("new" as const) })),
    ...old.map((s) => ({ ...s, role: "old" as const })),
    ...input.val.filter((s) => !poolIds.has(s.documentId)).map((s) => ({ ...s, role: "val" as const })),
  ];
  return { items: sortItems(items), plan, counts: countRoles(items) };
}

/** A base retrain: the whole anchor train split plus every pool sample; validation as usual. */
export function composeBaseRetrain(input: { pool: Sample[]; anchor: Sample[]; val: Sample[] }): Omit<ComposedManifest, "plan"> {
  const poolIds = new Set(input.pool.map((s) => s.documentId));
  const items: ManifestItem[] = [
    ...input.pool.map((s) => ({ ...s, role: "new" as const })),
    ...input.anchor.filter((s) => !poolIds.has(s.documentId)).map((s) => ({ ...s, role: "old" as const })),
    ...input.val.filter((s) => !poolIds.has(s.documentId)).map((s) => ({ ...s, role: "val" as const })),
  ];
  return { items: sortItems(items), counts: countRoles(items) };
}

export function sortItems(items: ManifestItem[]): ManifestItem[] {
  return [...items].sort((a, b) => a.documentId - b.documentId);
}

export function countRoles(items: readonly ManifestItem[]): Record<ManifestItem["role"], number> {
  const c = { new: 0, old: 0, holdout: 0, val: 0 };
  for (const i of items) c[i.role]++;
  return c;
}

/** sha256 of the canonical item list: equal digests mean the same images and revisions. */
export function manifestDigest(items: readonly ManifestItem[]): string {
  const h = createHash("sha256");
  for (const i of sortItems([...items])) h.update(`${i.documentId}:${i.revisionId}:${i.role}\n`);
  return h.digest("hex");
}
