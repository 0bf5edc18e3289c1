import type { Box } from "../boxes";
import { iou } from "./geometry";

export type DiffEntry =
  | { kind: "unchanged"; before: Box; after: Box }
  | { kind: "moved"; before: Box; after: Box; iou: number }
  | { kind: "reclassed"; before: Box; after: Box }
  | { kind: "added"; after: Box }
  | { kind: "removed"; before: Box };

const rect = (b: Box) => ({ x: b.cx - b.w / 2, y: b.cy - b.h / 2, w: b.w, h: b.h });

/**
 * What the annotator changed relative to the model's predictions, for the reviewer: pairs
 * are matched greedily by IoU (>= 0.3); a pair below 0.95 IoU counts as moved/resized.
 */
export function diffBoxes(predicted: readonly Box[], final: readonly Box[]): DiffEntry[] {
  const pairs: { i: number; j: number; v: number }[] = [];
  predicted.forEach((p, i) => final.forEach((f, j) => {
    const v = iou(rect(p), rect(f));
    if (v >= 0.3) pairs.push({ i, j, v });
  }));
  pairs.sort((a, b) => b.v - a.v || a.i - b.i || a.j - b.j);
  const usedP = new Set<number>();
  const usedF = new Set<number>();
  const out: DiffEntry[] = [];
  for (const { i, j, v } of pairs) {
    if (usedP.has(i) || usedF.has(j)) continue;
    usedP.add(i);
    usedF.add(j);
    const before = predicted[i]!;
    const after = final[j]!;
    if (before.cls !== after.cls) out.push({ kind: "reclassed", before, after });
    else if (v < 0.95) out.push({ kind: "moved", before, after, iou: v });
    else out.push({ kind: "unchanged", before, after });
  }
  predicted.forEach((before, i) => usedP.has(i) || out.push({ kind: "removed", before }));
  final.forEach((after, j) => usedF.has(j) || out.push({ kind: "added", after }));
  return out;
}
