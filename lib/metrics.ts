import type { Box } from "./boxes";
import { iou } from "./annotator/geometry";

/** One raw prediction as the runner uploads it: [class, confidence, cx, cy, w, h], page-normalized. */
export type Prediction = [number, number, number, number, number, number];
export type ScoredImage = { truth: readonly Box[]; predictions: readonly Prediction[] };
export type Rate = { found: number; total: number; rate: number };

const rectOf = (cx: number, cy: number, w: number, h: number) => ({ x: cx - w / 2, y: cy - h / 2, w, h });
const rate = (found: number, total: number): Rate => ({ found, total, rate: total ? found / total : 1 });

/**
 * Greedy matching on one image, highest confidence first: a prediction is a true positive when
 * it overlaps a not-yet-matched field of its class at IoU >= `iouAt` (the best such field).
 */
function matchImage(truth: readonly Box[], predictions: readonly Prediction[], iouAt: number) {
  const order = predictions.map((p, i) => i).sort((a, b) => predictions[b]![1] - predictions[a]![1] || a - b);
  const taken = new Set<number>();
  const tp = new Map<number, boolean>();
  for (const i of order) {
    const [cls, , cx, cy, w, h] = predictions[i]!;
    let best = -1;
    let bestIou = iouAt;
    truth.forEach((t, j) => {
      if (t.cls !== cls || taken.has(j)) return;
      const v = iou(rectOf(cx, cy, w, h), rectOf(t.cx, t.cy, t.w, t.h));
      if (v >= bestIou) [best, bestIou] = [j, v];
    });
    if (best >= 0) taken.add(best);
    tp.set(i, best >= 0);
  }
  return { taken, tp };
}

/**
 * How many labeled fields the model finds at a working confidence threshold: overall, per
 * class, and whole pages (every field found). Gate 2 and monitoring read it this way.
 */
export function detectionRate(images: readonly ScoredImage[], opts: { conf?: number; iou?: number } = {}) {
  const conf = opts.conf ?? 0.25;
  const perClass = new Map<number, { found: number; total: number }>();
  let found = 0;
  let total = 0;
  let pages = 0;
  for (const img of images) {
    const { taken } = matchImage(img.truth, img.predictions.filter((p) => p[1] >= conf), opts.iou ?? 0.5);
    img.truth.forEach((t, j) => {
      const c = perClass.get(t.cls) ?? { found: 0, total: 0 };
      c.total++;
      if (taken.has(j)) c.found++;
      perClass.set(t.cls, c);
    });
    found += taken.size;
    total += img.truth.length;
    if (taken.size === img.truth.length) pages++;
  }
  return {
    fields: rate(found, total),
    pages: rate(pages, images.length),
    perClass: Object.fromEntries([...perClass].sort((a, b) => a[0] - b[0]).map(([cls, c]) => [cls, rate(c.found, c.total)])) as Record<number, Rate>,
  };
}

/**
 * Mean average precision at IoU 0.5 over the classes that have labeled fields, with the
 * 101-point interpolated precision envelope (the COCO / Ultralytics convention).
 */
export function map50(images: readonly ScoredImage[]): { map50: number; perClass: Record<number, number> } {
  const scored = new Map<number, { conf: number; tp: boolean }[]>();
  const positives = new Map<number, number>();
  for (const img of images) {
    for (const t of img.truth) positives.set(t.cls, (positives.get(t.cls) ?? 0) + 1);
    const { tp } = matchImage(img.truth, img.predictions, 0.5);
    img.predictions.forEach((p, i) => {
      const list = scored.get(p[0]) ?? [];
      list.push({ conf: p[1], tp: tp.get(i)! });
      scored.set(p[0], list);
    });
  }
  const perClass: Record<number, number> = {};
  for (const [cls, n] of [...positives].sort((a, b) => a[0] - b[0])) {
    const list = (scored.get(cls) ?? []).sort((a, b) => b.conf - a.conf);
    const recall: number[] = [];
    const precision: number[] = [];
    let tps = 0;
    list.forEach((s, k) => {
      if (s.tp) tps++;
      recall.push(tps / n);
      precision.push(tps / (k + 1));
    });
    // precision envelope: the best precision at any recall >= r
    for (let k = precision.length - 2; k >= 0; k--) precision[k] = Math.max(precision[k]!, precision[k + 1]!);
    let sum = 0;
    for (let step = 0; step <= 100; step++) {
      const r = step / 100;
      const k = recall.findIndex((x) => x >= r);
      sum += k < 0 ? 0 : precision[k]!;
    }
    perClass[cls] = sum / 101;
  }
  const values = Object.values(perClass);
  return { map50: values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0, perClass };
}
