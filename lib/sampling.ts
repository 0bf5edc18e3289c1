import { Rng } from "./rng";

/** Fisher-Yates with a seeded PRNG: the same seed and input order give the same permutation. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const rng = new Rng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** k items uniformly at random without replacement; input is sorted by key first so DB order cannot matter. */
export function sampleWithoutReplacement<T>(items: readonly T[], k: number, seed: number, key: (t: T) => number): T[] {
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  return seededShuffle(sorted, seed).slice(0, Math.max(0, Math.min(k, sorted.length)));
}

/**
 * Seeded, class-stratified selection of about `fraction` of the items: each item is grouped by
 * its rarest class (so rare classes are represented), and each group contributes its share.
 */
export function stratifiedPick<T>(
  items: readonly T[],
  fraction: number,
  seed: number,
  classesOf: (t: T) => readonly number[],
  key: (t: T) => number,
): Set<T> {
  const freq = new Map<number, number>();
  for (const it of items) for (const c of new Set(classesOf(it))) freq.set(c, (freq.get(c) ?? 0) + 1);
  const groups = new Map<number, T[]>();
  for (const it of items) {
    const cs = [...new Set(classesOf(it))];
    const rarest = cs.length ? cs.reduce((a, b) => ((freq.get(a)! < freq.get(b)! || (freq.get(a) === freq.get(b) && a < b)) ? a : b)) : -1;
    groups.set(rarest, [...(groups.get(rarest) ?? []), it]);
  }
  const picked = new Set<T>();
  for (const [cls, group] of [...groups.entries()].sort((a, b) => a[0] - b[0])) {
    const k = Math.round(group.length * fraction);
    for (const it of sampleWithoutReplacement(group, k, seed + cls * 7919, key)) picked.add(it);
  }
  return picked;
}
