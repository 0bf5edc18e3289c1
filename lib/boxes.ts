import { z } from "zod";

/** A box in page-normalized YOLO coordinates: centre x/y, width, height in [0, 1]. */
export type Box = { cls: number; cx: number; cy: number; w: number; h: number };

const unit = z.number().finite().min(0).max(1);

export const boxSchema = z
  .object({ cls: z.number().int().min(0), cx: unit, cy: unit, w: unit, h: unit })
  .refine((b) => b.w > 0 && b.h > 0, "box has zero area")
  .refine(
    (b) => b.cx - b.w / 2 >= -1e-6 && b.cx + b.w / 2 <= 1 + 1e-6,
    "box extends past the left or right edge of the page",
  )
  .refine(
    (b) => b.cy - b.h / 2 >= -1e-6 && b.cy + b.h / 2 <= 1 + 1e-6,
    "box extends past the top or bottom edge of the page",
  );

/** Pixel rectangle (x0, y0, x1, y1) -> normalized box, clamped to the page. */
export function boxFromPixels(
  cls: number,
  [x0, y0, x1, y1]: readonly [number, number, number, number],
  width: number,
  height: number,
): Box {
  const cl = (v: number, max: number) => Math.min(Math.max(v, 0), max);
  const ax = cl(Math.min(x0, x1), width);
  const bx = cl(Math.max(x0, x1), width);
  const ay = cl(Math.min(y0, y1), height);
  const by = cl(Math.max(y0, y1), height);
  return {
    cls,
    cx: (ax + bx) / 2 / width,
    cy: (ay + by) / 2 / height,
    w: (bx - ax) / width,
    h: (by - ay) / height,
  };
}

/** One YOLO label line: "cls cx cy w h" with 6 decimals. */
export function toYoloLine(b: Box): string {
  const f = (v: number) => v.toFixed(6);
  return `${b.cls} ${f(b.cx)} ${f(b.cy)} ${f(b.w)} ${f(b.h)}`;
}
