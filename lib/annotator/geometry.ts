import type { Box } from "../boxes";

/** Editor boxes: top-left origin, page-normalized, with a stable id for selection and history. */
export type EBox = { id: string; cls: number; x: number; y: number; w: number; h: number };
export type Point = { x: number; y: number };
export type Rect = { x: number; y: number; w: number; h: number };
export type Handle = "nw" | "n" | "ne" | "e" | "se" | "s" | "sw" | "w";

export const HANDLES: readonly Handle[] = ["nw", "n", "ne", "e", "se", "s", "sw", "w"];

export function fromYolo(b: Box, id: string): EBox {
  return { id, cls: b.cls, x: b.cx - b.w / 2, y: b.cy - b.h / 2, w: b.w, h: b.h };
}

export function toYolo(b: EBox): Box {
  return { cls: b.cls, cx: b.x + b.w / 2, cy: b.y + b.h / 2, w: b.w, h: b.h };
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** A rectangle from two corners in any order, clipped to the page. */
export function rectFromPoints(a: Point, b: Point): Rect {
  const x0 = clamp01(Math.min(a.x, b.x));
  const y0 = clamp01(Math.min(a.y, b.y));
  const x1 = clamp01(Math.max(a.x, b.x));
  const y1 = clamp01(Math.max(a.y, b.y));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Moves a rectangle by (dx, dy) without letting it leave the page. */
export function moveRect(r: Rect, dx: number, dy: number): Rect {
  return { ...r, x: Math.min(1 - r.w, Math.max(0, r.x + dx)), y: Math.min(1 - r.h, Math.max(0, r.y + dy)) };
}

/** Drags one handle to `p`; the opposite edge stays put; crossing over flips cleanly. */
export function resizeRect(r: Rect, handle: Handle, p: Point): Rect {
  let x0 = r.x;
  let y0 = r.y;
  let x1 = r.x + r.w;
  let y1 = r.y + r.h;
  if (handle.includes("w")) x0 = p.x;
  if (handle.includes("e")) x1 = p.x;
  if (handle.includes("n")) y0 = p.y;
  if (handle.includes("s")) y1 = p.y;
  return rectFromPoints({ x: x0, y: y0 }, { x: x1, y: y1 });
}

export function handlePoint(r: Rect, h: Handle): Point {
  const x = h.includes("w") ? r.x : h.includes("e") ? r.x + r.w : r.x + r.w / 2;
  const y = h.includes("n") ? r.y : h.includes("s") ? r.y + r.h : r.y + r.h / 2;
  return { x, y };
}

export function contains(r: Rect, p: Point): boolean {
  return p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.w && b.x <= a.x + a.w && a.y <= b.y + b.h && b.y <= a.y + a.h;
}

export function iou(a: Rect, b: Rect): number {
  const ix = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  const inter = ix * iy;
  const union = a.w * a.h + b.w * b.h - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * Uniform-grid spatial index: hit tests and viewport culling touch only nearby boxes, so they
 * stay fast with thousands of boxes on a page.
 */
export class GridIndex {
  private cells = new Map<number, EBox[]>();
  constructor(
    boxes: readonly EBox[],
    private readonly n = 32,
  ) {
    for (const b of boxes) for (const c of this.cellsOf(b)) (this.cells.get(c) ?? this.cells.set(c, []).get(c)!).push(b);
  }
  private cellsOf(r: Rect): number[] {
    const n = this.n;
    const cx0 = Math.min(n - 1, Math.max(0, Math.floor(r.x * n)));
    const cx1 = Math.min(n - 1, Math.max(0, Math.floor((r.x + r.w) * n)));
    const cy0 = Math.min(n - 1, Math.max(0, Math.floor(r.y * n)));
    const cy1 = Math.min(n - 1, Math.max(0, Math.floor((r.y + r.h) * n)));
    const out: number[] = [];
    for (let cy = cy0; cy <= cy1; cy++) for (let cx = cx0; cx <= cx1; cx++) out.push(cy * n + cx);
    return out;
  }
  /** Boxes overlapping `r`, each once, in input order. */
  query(r: Rect): EBox[] {
    const seen = new Set<EBox>();
    for (const c of this.cellsOf(r)) for (const b of this.cells.get(c) ?? []) if (intersects(b, r)) seen.add(b);
    return [...seen];
  }
}

export type Hit = { kind: "handle"; id: string; handle: Handle } | { kind: "box"; id: string } | { kind: "none" };

/**
 * What is under the pointer: a handle of a selected box first (tolerance in page units, i.e.
 * screen pixels / zoom), then the smallest box containing the point (nested fields stay reachable).
 */
export function hitTest(p: Point, boxes: readonly EBox[], selected: ReadonlySet<string>, tolerance: number, index?: GridIndex): Hit {
  for (const b of boxes) {
    if (!selected.has(b.id)) continue;
    for (const h of HANDLES) {
      const hp = handlePoint(b, h);
      if (Math.abs(hp.x - p.x) <= tolerance && Math.abs(hp.y - p.y) <= tolerance) return { kind: "handle", id: b.id, handle: h };
    }
  }
  const candidates = index ? index.query({ x: p.x, y: p.y, w: 0, h: 0 }) : boxes;
  let best: EBox | null = null;
  for (const b of candidates) if (contains(b, p) && (!best || b.w * b.h < best.w * best.h)) best = b;
  return best ? { kind: "box", id: best.id } : { kind: "none" };
}
