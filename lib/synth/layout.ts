import type { Box } from "../boxes";
import { boxFromPixels } from "../boxes";
import { classIndex, type FieldClass } from "./classes";
import * as c from "./content";
import { Rng } from "../rng";

/**
 * Page layouts as plain draw operations tagged with the field they belong to. The renderer
 * draws them; labels are the union of each field's operations, measured with the same font
 * metrics the renderer uses, so they are exact.
 */
export type Font = "sans" | "serif" | "mono";
type Tag = { field?: FieldClass };
export type Op =
  | ({ kind: "text"; x: number; y: number; text: string; size: number; font: Font; bold?: boolean; color: string; align?: "left" | "right" | "center" } & Tag)
  | ({ kind: "rect"; x: number; y: number; w: number; h: number; fill?: string; stroke?: string; lineWidth?: number } & Tag)
  | ({ kind: "line"; x1: number; y1: number; x2: number; y2: number; color: string; width: number } & Tag)
  | ({ kind: "ellipse"; cx: number; cy: number; rx: number; ry: number; stroke: string; lineWidth: number; fill?: string } & Tag)
  | ({ kind: "path"; points: [number, number][]; color: string; width: number } & Tag)
  | { kind: "rotatedText"; cx: number; cy: number; text: string; size: number; color: string; angle: number; field?: undefined };

export type Family = "classic" | "shifted";
export type Page = { width: number; height: number; family: Family; template: string; ops: Op[]; alpha: { stamp: number } };

export const PAGE_WIDTH = 1020;
export const PAGE_HEIGHT = 1320;
export const LINE = 1.35; // line height in em
export const TEXT_HEIGHT = 1.17; // DejaVu ascent + descent in em (textBaseline "top")

export type Measure = (text: string, size: number, font: Font, bold: boolean) => number;

/** Label boxes: union of each field's op extents, padded a little, clamped to the page. */
export function labelsFor(page: Page, measure: Measure, pad = 4): Box[] {
  const ext = new Map<FieldClass, [number, number, number, number]>();
  const grow = (f: FieldClass | undefined, x0: number, y0: number, x1: number, y1: number) => {
    if (!f) return;
    const e = ext.get(f);
    ext.set(f, e ? [Math.min(e[0], x0), Math.min(e[1], y0), Math.max(e[2], x1), Math.max(e[3], y1)] : [x0, y0, x1, y1]);
  };
  for (const op of page.ops) {
    switch (op.kind) {
      case "text": {
        const w = measure(op.text, op.size, op.font, !!op.bold);
        const x0 = op.align === "right" ? op.x - w : op.align === "center" ? op.x - w / 2 : op.x;
        grow(op.field, x0, op.y, x0 + w, op.y + op.size * TEXT_HEIGHT);
        break;
      }
      case "rect":
        grow(op.field, op.x, op.y, op.x + op.w, op.y + op.h);
        break;
      case "line":
        grow(op.field, Math.min(op.x1, op.x2), Math.min(op.y1, op.y2) - op.width / 2, Math.max(op.x1, op.x2), Math.max(op.y1, op.y2) + op.width / 2);
        break;
      case "ellipse":
        grow(op.field, op.cx - op.rx - op.lineWidth / 2, op.cy - op.ry - op.lineWidth / 2, op.cx + op.rx + op.lineWidth / 2, op.cy + op.ry + op.lineWidth / 2);
        break;
      case "path": {
        const xs = op.points.map((p) => p[0]);
        const ys = op.points.map((p) => p[1]);
        grow(op.field, Math.min(...xs) - op.width, Math.min(...ys) - op.width, Math.max(...xs) + op.width, Math.max(...ys) + op.width);
        break;
      }
      case "rotatedText":
        break; // inside its stamp's outline
    }
  }
  return [...ext.entries()]
    .map(([f, [x0, y0, x1, y1]]) => boxFromPixels(classIndex(f), [x0 - pad, y0 - pad, x1 + pad, y1 + pad], page.width, page.height))
    .sort((a, b) => a.cls - b.cls);
}

// ---------- building blocks ----------

type Style = { font: Font; ink: string; accent: string; size: number };

function lines(ops: Op[], x: number, y: number, texts: string[], s: Style, field?: FieldClass, opts: { bold0?: boolean; align?: "left" | "right"; size?: number } = {}): number {
  const size = opts.size ?? s.size;
  texts.forEach((t, i) => ops.push({ kind: "text", x, y: y + i * size * LINE, text: t, size, font: s.font, bold: opts.bold0 && i === 0, color: s.ink, align: opts.align, field }));
  return y + texts.length * size * LINE;
}

function labelValue(ops: Op[], x: number, y: number, label: string, value: string, s: Style, field: FieldClass, gap: number, align: "left" | "right" = "left") {
  if (align === "left") {
    ops.push({ kind: "text", x, y, text: label, size: s.size, font: s.font, bold: true, color: s.ink, field });
    ops.push({ kind: "text", x: x + gap, y, text: value, size: s.size, font: s.font, color: s.ink, field });
  } else {
    ops.push({ kind: "text", x: x - gap, y, text: label, size: s.size, font: s.font, bold: true, color: s.ink, align: "right", field });
    ops.push({ kind: "text", x, y, text: value, size: s.size, font: s.font, color: s.ink, align: "right", field });
  }
}

function logo(ops: Op[], rng: Rng, x: number, y: number, name: string, s: Style, scale = 1) {
  const d = rng.int(44, 64) * scale;
  const shape = rng.int(0, 2);
  if (shape === 0) ops.push({ kind: "ellipse", cx: x + d / 2, cy: y + d / 2, rx: d / 2, ry: d / 2, stroke: s.accent, lineWidth: 3, fill: s.accent, field: "logo" });
  else if (shape === 1) ops.push({ kind: "rect", x, y, w: d, h: d, fill: s.accent, field: "logo" });
  else ops.push({ kind: "path", points: [[x, y + d], [x + d / 2, y], [x + d, y + d], [x, y + d]], color: s.accent, width: 5, field: "logo" });
  const word = name.split(" ")[0]!.toUpperCase();
  ops.push({ kind: "text", x: x + d + 10, y: y + d / 2 - 14 * scale, text: word, size: Math.round(24 * scale), font: s.font, bold: true, color: s.accent, field: "logo" });
}

function table(ops: Op[], rng: Rng, x: number, y: number, w: number, s: Style, currency: string, look: "grid" | "header" | "zebra"): { bottom: number; total: number } {
  const items = c.lineItems(rng, rng.int(2, 8));
  const rowH = s.size * 1.9;
  const cols = [x + 8, x + w * 0.58, x + w * 0.74, x + w - 8];
  const header = ["Description", "Qty", "Unit price", "Amount"];
  const headFill = look === "header" ? s.accent : "#e5e7eb";
  ops.push({ kind: "rect", x, y, w, h: rowH, fill: headFill, field: "line_items" });
  const headInk = look === "header" ? "#ffffff" : s.ink;
  header.forEach((h, i) => ops.push({ kind: "text", x: cols[i]!, y: y + rowH * 0.22, text: h, size: s.size, font: s.font, bold: true, color: headInk, align: i === 0 ? "left" : "right", field: "line_items" }));
  let total = 0;
  items.forEach((it, r) => {
    const ry = y + rowH * (r + 1);
    const amount = it.qty * it.unit;
    total += amount;
    if (look === "zebra" && r % 2 === 1) ops.push({ kind: "rect", x, y: ry, w, h: rowH, fill: "#f1f1f1", field: "line_items" });
    const cells = [it.description, String(it.qty), c.money(it.unit, currency), c.money(amount, currency)];
    cells.forEach((t, i) => ops.push({ kind: "text", x: cols[i]!, y: ry + rowH * 0.22, text: t, size: s.size, font: s.font, color: s.ink, align: i === 0 ? "left" : "right", field: "line_items" }));
    if (look === "grid") ops.push({ kind: "line", x1: x, y1: ry + rowH, x2: x + w, y2: ry + rowH, color: "#9ca3af", width: 1, field: "line_items" });
  });
  const bottom = y + rowH * (items.length + 1);
  if (look === "grid") ops.push({ kind: "rect", x, y, w, h: bottom - y, stroke: "#6b7280", lineWidth: 1.5, field: "line_items" });
  return { bottom, total };
}

function signature(ops: Op[], rng: Rng, x: number, y: number, ink: string, s: Style, caption = "Authorized signature") {
  const w = rng.int(140, 210);
  const h = rng.int(30, 55);
  const pts: [number, number][] = [];
  const n = rng.int(14, 24);
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    pts.push([x + t * w + rng.float(-6, 6), y + h / 2 + Math.sin(t * Math.PI * rng.float(3, 6)) * h * 0.45 + rng.float(-4, 4)]);
  }
  ops.push({ kind: "path", points: pts, color: ink, width: rng.float(1.5, 2.8), field: "signature" });
  ops.push({ kind: "line", x1: x - 10, y1: y + h + 8, x2: x + w + 20, y2: y + h + 8, color: "#6b7280", width: 1, field: "signature" });
  ops.push({ kind: "text", x: x - 10, y: y + h + 14, text: `${caption}: ${c.personName(rng)}`, size: s.size * 0.8, font: s.font, color: "#6b7280" });
}

function stamp(ops: Op[], rng: Rng, cx: number, cy: number, color: string) {
  const word = rng.pick(c.STAMP_WORDS);
  const angle = rng.float(-0.35, 0.35);
  if (rng.chance(0.5)) {
    const r = rng.int(52, 70);
    ops.push({ kind: "ellipse", cx, cy, rx: r, ry: r, stroke: color, lineWidth: 4, field: "stamp" });
    ops.push({ kind: "ellipse", cx, cy, rx: r - 8, ry: r - 8, stroke: color, lineWidth: 1.5, field: "stamp" });
    ops.push({ kind: "rotatedText", cx, cy, text: word, size: Math.round(r * 0.38), color, angle });
  } else {
    const w = rng.int(150, 200);
    const h = rng.int(56, 72);
    ops.push({ kind: "rect", x: cx - w / 2, y: cy - h / 2, w, h, stroke: color, lineWidth: 4, field: "stamp" });
    ops.push({ kind: "rotatedText", cx, cy, text: word, size: Math.round(h * 0.42), color, angle: angle / 3 });
  }
}

function notes(ops: Op[], rng: Rng, x: number, y: number, s: Style, n = 2): number {
  const picked = Array.from({ length: n }, () => rng.pick(c.NOTES));
  return lines(ops, x, y, picked, { ...s, ink: "#4b5563" }, undefined, { size: s.size * 0.85 });
}

// ---------- templates ----------

type Ctx = { rng: Rng; W: number; H: number; s: Style; seller: string; currency: string; dates: "iso" | "eu" | "us" | "long" };

/** Classic A: logo + seller top-left, meta column top-right, bill-to, grid table, total right. */
function classicA({ rng, W, s, seller, currency, dates }: Ctx): Op[] {
  const ops: Op[] = [];
  const m = rng.int(60, 90);
  logo(ops, rng, m, m, seller, s);
  lines(ops, m, m + 90, c.address(rng, seller), s, "seller_address", { bold0: true });
  ops.push({ kind: "text", x: W - m, y: m, text: "INVOICE", size: 34, font: s.font, bold: true, color: s.accent, align: "right" });
  const mx = W - m;
  labelValue(ops, mx, m + 70, "Invoice no.", c.invoiceNumber(rng), s, "invoice_number", 180, "right");
  labelValue(ops, mx, m + 70 + s.size * 1.8, "Date", c.date(rng, dates), s, "invoice_date", 180, "right");
  labelValue(ops, mx, m + 70 + s.size * 3.6, "Due date", c.date(rng, dates), s, "due_date", 180, "right");
  const by = m + 300 + rng.int(0, 40);
  ops.push({ kind: "text", x: m, y: by, text: "Bill to", size: s.size, font: s.font, bold: true, color: s.accent, field: "buyer_address" });
  const ty = lines(ops, m, by + s.size * 1.6, c.address(rng), s, "buyer_address") + 50;
  const t = table(ops, rng, m, ty, W - 2 * m, s, currency, "grid");
  labelValue(ops, W - m - 8, t.bottom + 24, "Total", c.money(t.total * 1.2, currency), { ...s, size: s.size + 4 }, "total", 220, "right");
  const sy = t.bottom + 120 + rng.int(0, 60);
  signature(ops, rng, m + 20, sy, "#1f2937", s);
  if (rng.chance(0.7)) stamp(ops, rng, m + 360 + rng.int(0, 120), sy + 30, rng.pick(["#b91c1c", "#1d4ed8"]));
  notes(ops, rng, m, sy + 140, s);
  return ops;
}

/** Classic B: centred logo, meta in one row, seller and buyer side by side, header-filled table. */
function classicB({ rng, W, s, seller, currency, dates }: Ctx): Op[] {
  const ops: Op[] = [];
  const m = rng.int(60, 90);
  logo(ops, rng, W / 2 - 90, m - 20, seller, s);
  const my = m + 80;
  const colW = (W - 2 * m) / 3;
  labelValue(ops, m, my, "No.", c.invoiceNumber(rng), s, "invoice_number", 50);
  labelValue(ops, m + colW, my, "Issued", c.date(rng, dates), s, "invoice_date", 80);
  labelValue(ops, m + 2 * colW, my, "Due", c.date(rng, dates), s, "due_date", 60);
  ops.push({ kind: "line", x1: m, y1: my + 40, x2: W - m, y2: my + 40, color: s.accent, width: 2 });
  const ay = my + 70;
  ops.push({ kind: "text", x: m, y: ay, text: "From", size: s.size, font: s.font, bold: true, color: s.accent, field: "seller_address" });
  lines(ops, m, ay + s.size * 1.6, c.address(rng, seller), s, "seller_address");
  ops.push({ kind: "text", x: W / 2 + 20, y: ay, text: "To", size: s.size, font: s.font, bold: true, color: s.accent, field: "buyer_address" });
  const end = lines(ops, W / 2 + 20, ay + s.size * 1.6, c.address(rng), s, "buyer_address");
  const t = table(ops, rng, m, Math.max(end, ay + 170) + 50, W - 2 * m, s, currency, "header");
  ops.push({ kind: "rect", x: W - m - 300, y: t.bottom + 20, w: 300, h: 46, fill: "#f3f4f6", field: "total" });
  labelValue(ops, W - m - 12, t.bottom + 32, "Amount due", c.money(t.total, currency), s, "total", 160, "right");
  const sy = t.bottom + 130 + rng.int(0, 80);
  if (rng.chance(0.7)) stamp(ops, rng, m + 90, sy + 30, rng.pick(["#b91c1c", "#1d4ed8", "#047857"]));
  signature(ops, rng, W - m - 240, sy, "#111827", s);
  notes(ops, rng, m, sy + 150, s, 3);
  return ops;
}

/** Classic C: accent sidebar with seller details, logo top-right, zebra table. */
function classicC({ rng, W, H, s, seller, currency, dates }: Ctx): Op[] {
  const ops: Op[] = [];
  const side = rng.int(230, 270);
  ops.push({ kind: "rect", x: 0, y: 0, w: side, h: H, fill: "#eef2f7" });
  lines(ops, 30, 80, c.address(rng, seller), { ...s, size: s.size - 1 }, "seller_address", { bold0: true });
  labelValue(ops, 30, 330, "Invoice", c.invoiceNumber(rng), { ...s, size: s.size - 1 }, "invoice_number", 80);
  labelValue(ops, 30, 370, "Date", c.date(rng, dates), { ...s, size: s.size - 1 }, "invoice_date", 80);
  labelValue(ops, 30, 410, "Due", c.date(rng, dates), { ...s, size: s.size - 1 }, "due_date", 80);
  const x = side + 40;
  logo(ops, rng, W - 260, 60, seller, s);
  ops.push({ kind: "text", x, y: 180, text: "Customer", size: s.size, font: s.font, bold: true, color: s.accent, field: "buyer_address" });
  const end = lines(ops, x, 180 + s.size * 1.6, c.address(rng), s, "buyer_address");
  const t = table(ops, rng, x, end + 60, W - x - 50, s, currency, "zebra");
  labelValue(ops, W - 58, t.bottom + 26, "TOTAL", c.money(t.total, currency), { ...s, size: s.size + 2 }, "total", 200, "right");
  const sy = t.bottom + 120 + rng.int(0, 80);
  signature(ops, rng, x + 10, sy, "#1e3a8a", s);
  if (rng.chance(0.6)) stamp(ops, rng, W - 170, sy + 30, rng.pick(["#b91c1c", "#1d4ed8"]));
  notes(ops, rng, x, sy + 140, s);
  return ops;
}

/**
 * Shifted S1: window-envelope letter. Buyer top-left, total first in an inverted box, meta as
 * a boxed grid with other wording, seller only in the footer, logo bottom-right, stamp over
 * the table. A model that learned the classic positions misses most of it.
 */
function shiftedS1({ rng, W, H, s, seller, currency, dates }: Ctx): Op[] {
  const ops: Op[] = [];
  const m = rng.int(50, 70);
  ops.push({ kind: "text", x: m, y: 150, text: `${seller} - ${rng.int(1, 200)} Market Square`, size: s.size * 0.7, font: s.font, color: "#555" });
  lines(ops, m, 175, c.address(rng), s, "buyer_address");
  const gx = W - m - 380;
  ops.push({ kind: "rect", x: gx, y: 60, w: 380, h: 150, stroke: s.ink, lineWidth: 1 });
  labelValue(ops, gx + 12, 75, "Rechnung Nr.", c.invoiceNumber(rng), s, "invoice_number", 170);
  labelValue(ops, gx + 12, 120, "Datum", c.date(rng, dates), s, "invoice_date", 170);
  labelValue(ops, gx + 12, 165, "Zahlbar bis", c.date(rng, dates), s, "due_date", 170);
  const items = 360 + rng.int(0, 60);
  ops.push({ kind: "rect", x: m, y: items - 90, w: 420, h: 60, fill: "#111111", field: "total" });
  ops.push({ kind: "text", x: m + 14, y: items - 75, text: "Gesamtbetrag", size: s.size + 2, font: s.font, bold: true, color: "#ffffff", field: "total" });
  const t = table(ops, rng, m, items, W - 2 * m, s, currency, "zebra");
  ops.push({ kind: "text", x: m + 406, y: items - 75, text: c.money(t.total, currency), size: s.size + 2, font: s.font, bold: true, color: "#ffffff", align: "right", field: "total" });
  if (rng.chance(0.8)) stamp(ops, rng, rng.int(m + 200, W - m - 200), items + rng.int(20, 120), rng.pick(["#7c3aed", "#0f766e", "#b91c1c"]));
  signature(ops, rng, W - m - 300, t.bottom + 60, "#1d4ed8", s, "Unterschrift");
  notes(ops, rng, m, t.bottom + 70, s, 2);
  const fy = H - 150;
  ops.push({ kind: "line", x1: m, y1: fy - 10, x2: W - m, y2: fy - 10, color: "#888", width: 1 });
  const addr = c.address(rng, seller);
  lines(ops, m, fy, addr.slice(0, 3), { ...s, size: s.size * 0.75 }, "seller_address");
  lines(ops, m + 280, fy, addr.slice(3).concat(["USt-IdNr. DE" + rng.int(100000000, 999999999)]), { ...s, size: s.size * 0.75 }, "seller_address");
  logo(ops, rng, W - m - 200, fy - 5, seller, s, 0.9);
  return ops;
}

/** Shifted S2: right-aligned narrow column, monospace receipt style, dates in a footer band. */
function shiftedS2({ rng, W, H, s, seller, currency, dates }: Ctx): Op[] {
  const ops: Op[] = [];
  const x = rng.int(380, 440);
  const w = W - x - 50;
  logo(ops, rng, x, 50, seller, s, 1.2);
  lines(ops, x, 140, c.address(rng, seller), s, "seller_address", { bold0: true });
  labelValue(ops, x, 310, "FACTURA", c.invoiceNumber(rng), s, "invoice_number", 130);
  ops.push({ kind: "text", x: 50, y: 300, text: "CLIENTE", size: s.size, font: s.font, bold: true, color: s.ink, field: "buyer_address" });
  lines(ops, 50, 300 + s.size * 1.6, c.address(rng), { ...s, size: s.size - 1 }, "buyer_address");
  const t = table(ops, rng, x - 150, 480, w + 150, s, currency, "header");
  labelValue(ops, x - 140, t.bottom + 30, "TOTAL EUR", c.money(t.total, currency), { ...s, size: s.size + 6 }, "total", 220);
  if (rng.chance(0.8)) stamp(ops, rng, 180, t.bottom - 40, rng.pick(["#7c3aed", "#b91c1c"]));
  signature(ops, rng, 60, t.bottom + 120, "#0c4a6e", s, "Firma");
  const fy = H - 110;
  ops.push({ kind: "rect", x: 0, y: fy - 20, w: W, h: 70, fill: "#d9d9d9" });
  labelValue(ops, 50, fy, "Fecha", c.date(rng, dates), s, "invoice_date", 90);
  labelValue(ops, W / 2, fy, "Vencimiento", c.date(rng, dates), s, "due_date", 160);
  return ops;
}

const TEMPLATES = { classicA, classicB, classicC, shiftedS1, shiftedS2 } as const;
export const FAMILY_TEMPLATES: Record<Family, (keyof typeof TEMPLATES)[]> = {
  classic: ["classicA", "classicB", "classicC"],
  shifted: ["shiftedS1", "shiftedS2"],
};

/** The whole page for (family, seed): pure and deterministic. */
export function layoutPage(family: Family, seed: number): Page {
  const rng = new Rng(seed);
  const template = rng.pick(FAMILY_TEMPLATES[family]);
  const s: Style =
    family === "classic"
      ? { font: rng.chance(0.8) ? "sans" : "serif", ink: "#111827", accent: rng.pick(["#1d4ed8", "#0f766e", "#9d174d", "#374151", "#b45309"]), size: rng.int(15, 18) }
      : { font: template === "shiftedS2" ? "mono" : "serif", ink: "#262626", accent: rng.pick(["#3f3f46", "#7f1d1d", "#14532d"]), size: rng.int(14, 17) };
  const ctx: Ctx = {
    rng,
    W: PAGE_WIDTH,
    H: PAGE_HEIGHT,
    s,
    seller: c.companyName(rng),
    currency: rng.pick(["EUR", "$", "£"]),
    dates: family === "classic" ? rng.pick(["iso", "us", "long"] as const) : "eu",
  };
  return { width: PAGE_WIDTH, height: PAGE_HEIGHT, family, template, ops: TEMPLATES[template](ctx), alpha: { stamp: family === "shifted" ? 0.6 : 0.85 } };
}
