import { createRequire } from "node:module";
import path from "node:path";
import { type Canvas, createCanvas, GlobalFonts, type SKRSContext2D } from "@napi-rs/canvas";
import type { Box } from "../boxes";
import { labelsFor, type Font, type Measure, type Page, TEXT_HEIGHT } from "./layout";
import { Rng } from "../rng";

// Fonts ship with the npm package, so pages render the same on every machine.
const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const FONT_FILES: Record<Font, string> = { sans: "DejaVuSans", serif: "DejaVuSerif", mono: "DejaVuSansMono" };
let fontsReady = false;
function ensureFonts() {
  if (fontsReady) return;
  // Registered under our own family names: system DejaVu variants would otherwise win the
  // weight match and render regular text bold.
  for (const [font, file] of Object.entries(FONT_FILES)) {
    GlobalFonts.registerFromPath(path.join(fontDir, `${file}.ttf`), `FL ${font}`);
    GlobalFonts.registerFromPath(path.join(fontDir, `${file}-Bold.ttf`), `FL ${font} Bold`);
  }
  fontsReady = true;
}

const fontString = (size: number, font: Font, bold: boolean) => `${size}px "FL ${font}${bold ? " Bold" : ""}"`;

// One canvas per thread, reused: skia's pixel buffers live outside the JS heap, so V8 does not
// feel their pressure and thousands of short-lived canvases exhaust memory before any GC.
let shared: Canvas | undefined;
function canvasFor(width: number, height: number): Canvas {
  if (!shared || shared.width !== width || shared.height !== height) shared = createCanvas(width, height);
  return shared;
}

export type RenderedPage = { image: Buffer; labels: Box[]; width: number; height: number; template: string };

/** Draws a laid-out page and returns a JPEG plus its exact YOLO labels. */
export function renderPage(page: Page, seed: number): RenderedPage {
  ensureFonts();
  const canvas = canvasFor(page.width, page.height);
  const g = canvas.getContext("2d");
  g.setTransform(1, 0, 0, 1, 0, 0);
  g.globalAlpha = 1;
  const rng = new Rng(seed ^ 0x5bd1e995);
  const shifted = page.family === "shifted";
  g.fillStyle = shifted ? rng.pick(["#efe8d6", "#e4e4e4", "#f2efe6"]) : "#ffffff";
  g.fillRect(0, 0, page.width, page.height);
  g.textBaseline = "top";
  const measure: Measure = (text, size, font, bold) => {
    g.font = fontString(size, font, bold);
    return g.measureText(text).width;
  };
  for (const op of page.ops) draw(g, op, page);
  if (shifted) scanArtifacts(g, rng, page.width, page.height);
  const quality = shifted ? rng.int(35, 55) : 88;
  const image = canvas.encodeSync("jpeg", quality);
  return { image, labels: labelsFor(page, measure), width: page.width, height: page.height, template: page.template };
}

function draw(g: SKRSContext2D, op: Page["ops"][number], page: Page) {
  switch (op.kind) {
    case "text":
      g.font = fontString(op.size, op.font, !!op.bold);
      g.fillStyle = op.color;
      g.textAlign = op.align ?? "left";
      g.fillText(op.text, op.x, op.y);
      g.textAlign = "left";
      return;
    case "rect":
      if (op.fill) {
        g.fillStyle = op.fill;
        g.fillRect(op.x, op.y, op.w, op.h);
      }
      if (op.stroke) {
        g.globalAlpha = op.field === "stamp" ? page.alpha.stamp : 1;
        g.strokeStyle = op.stroke;
        g.lineWidth = op.lineWidth ?? 1;
        g.strokeRect(op.x, op.y, op.w, op.h);
        g.globalAlpha = 1;
      }
      return;
    case "line":
      g.strokeStyle = op.color;
      g.lineWidth = op.width;
      g.beginPath();
      g.moveTo(op.x1, op.y1);
      g.lineTo(op.x2, op.y2);
      g.stroke();
      return;
    case "ellipse":
      g.globalAlpha = op.field === "stamp" ? page.alpha.stamp : 1;
      g.beginPath();
      g.ellipse(op.cx, op.cy, op.rx, op.ry, 0, 0, Math.PI * 2);
      if (op.fill) {
        g.fillStyle = op.fill;
        g.fill();
      }
      g.strokeStyle = op.stroke;
      g.lineWidth = op.lineWidth;
      g.stroke();
      g.globalAlpha = 1;
      return;
    case "path": {
      g.strokeStyle = op.color;
      g.lineWidth = op.width;
      g.lineJoin = "round";
      g.lineCap = "round";
      g.beginPath();
      const [first, ...rest] = op.points;
      if (first) g.moveTo(first[0], first[1]);
      // quadratic smoothing through midpoints: a pen stroke, not a polyline
      for (let i = 0; i < rest.length - 1; i++) {
        const [x, y] = rest[i]!;
        const [nx, ny] = rest[i + 1]!;
        g.quadraticCurveTo(x, y, (x + nx) / 2, (y + ny) / 2);
      }
      const last = rest[rest.length - 1];
      if (last) g.lineTo(last[0], last[1]);
      g.stroke();
      return;
    }
    case "rotatedText":
      g.save();
      g.globalAlpha = page.alpha.stamp;
      g.translate(op.cx, op.cy);
      g.rotate(op.angle);
      g.font = fontString(op.size, "sans", true);
      g.fillStyle = op.color;
      g.textAlign = "center";
      g.fillText(op.text, 0, (-op.size * TEXT_HEIGHT) / 2);
      g.restore();
      return;
  }
}

/** Photocopy look: edge shadow, toner speckles, faint streaks. Labels are unaffected. */
function scanArtifacts(g: SKRSContext2D, rng: Rng, w: number, h: number) {
  const side = rng.chance(0.5) ? 0 : w - 60;
  const grad = g.createLinearGradient(side, 0, side + 60, 0);
  grad.addColorStop(side === 0 ? 0 : 1, "rgba(0,0,0,0.35)");
  grad.addColorStop(side === 0 ? 1 : 0, "rgba(0,0,0,0)");
  g.fillStyle = grad;
  g.fillRect(side, 0, 60, h);
  g.fillStyle = "rgba(30,30,30,0.55)";
  const dots = rng.int(1500, 3000);
  for (let i = 0; i < dots; i++) g.fillRect(rng.float(0, w), rng.float(0, h), rng.float(0.8, 2.4), rng.float(0.8, 2.4));
  g.strokeStyle = "rgba(60,60,60,0.12)";
  for (let i = rng.int(1, 4); i > 0; i--) {
    const x = rng.float(0, w);
    g.lineWidth = rng.float(1, 5);
    g.beginPath();
    g.moveTo(x, 0);
    g.lineTo(x + rng.float(-10, 10), h);
    g.stroke();
  }
}
