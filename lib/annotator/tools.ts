import type { Command } from "./commands";
import { apply } from "./commands";
import { hitTest, intersects, moveRect, rectFromPoints, resizeRect, type EBox, type GridIndex, type Handle, type Point, type Rect } from "./geometry";
import { newId, type EditorState } from "./state";

/**
 * Tools are small state machines driven by pointer events (tldraw style). While a gesture runs
 * they return a preview state; on pointer-up they return one commit (one undo step); Escape
 * (cancel) returns to the state before the gesture. Pure: testable without a browser.
 */
export type PointerEvent = { type: "down" | "move" | "up" | "cancel"; p: Point; shift?: boolean };

export type ToolState =
  | { tool: "select"; mode: "idle" }
  | { tool: "select"; mode: "pointing"; start: Point; id: string; additive: boolean; base: EditorState }
  | { tool: "select"; mode: "dragging"; start: Point; originals: EBox[]; base: EditorState }
  | { tool: "select"; mode: "resizing"; original: EBox; handle: Handle; base: EditorState }
  | { tool: "select"; mode: "brushing"; start: Point; additive: boolean; base: EditorState; brush: Rect }
  | { tool: "draw"; mode: "idle" }
  | { tool: "draw"; mode: "drawing"; start: Point; base: EditorState; rect: Rect };

export type ToolContext = {
  /** page units per screen pixel (1 / (zoom * page size)); handles and drag thresholds are in pixels */
  unitsPerPixel: number;
  index?: GridIndex;
};

export type ToolResult = { tool: ToolState; state: EditorState; commit?: { label: string; commands: Command[]; base: EditorState }; brush?: Rect };

const DRAG_THRESHOLD_PX = 3;
const HANDLE_PX = 6;
const MIN_BOX_PX = 4;

export const idle = (tool: "select" | "draw"): ToolState => ({ tool, mode: "idle" }) as ToolState;

function movable(s: EditorState): EBox[] {
  return s.boxes.filter((b) => s.selection.includes(b.id) && !s.locked.includes(b.id));
}

export function pointer(t: ToolState, s: EditorState, e: PointerEvent, ctx: ToolContext): ToolResult {
  if (e.type === "cancel") return { tool: idle(t.tool), state: "base" in t ? t.base : s };
  return t.tool === "select" ? selectTool(t, s, e, ctx) : drawTool(t, s, e, ctx);
}

function selectTool(t: Extract<ToolState, { tool: "select" }>, s: EditorState, e: PointerEvent, ctx: ToolContext): ToolResult {
  const tol = HANDLE_PX * ctx.unitsPerPixel;
  switch (t.mode) {
    case "idle": {
      if (e.type !== "down") return { tool: t, state: s };
      const hidden = new Set(s.hiddenClasses);
      const boxes = s.boxes.filter((b) => !hidden.has(b.cls));
      const hit = hitTest(e.p, boxes, new Set(s.selection), tol, ctx.index);
      if (hit.kind === "handle" && !s.locked.includes(hit.id)) {
        return { tool: { tool: "select", mode: "resizing", original: s.boxes.find((b) => b.id === hit.id)!, handle: hit.handle, base: s }, state: s };
      }
      if (hit.kind === "box") {
        const additive = !!e.shift;
        const already = s.selection.includes(hit.id);
        const selection = additive ? (already ? s.selection : [...s.selection, hit.id]) : already ? s.selection : [hit.id];
        const next = { ...s, selection };
        return { tool: { tool: "select", mode: "pointing", start: e.p, id: hit.id, additive, base: next }, state: next };
      }
      const next = e.shift ? s : { ...s, selection: [] };
      return { tool: { tool: "select", mode: "brushing", start: e.p, additive: !!e.shift, base: next, brush: { x: e.p.x, y: e.p.y, w: 0, h: 0 } }, state: next };
    }
    case "pointing": {
      if (e.type === "move") {
        const moved = Math.hypot(e.p.x - t.start.x, e.p.y - t.start.y) / ctx.unitsPerPixel;
        if (moved < DRAG_THRESHOLD_PX) return { tool: t, state: t.base };
        const originals = movable(t.base);
        if (!originals.length) return { tool: t, state: t.base };
        return selectTool({ tool: "select", mode: "dragging", start: t.start, originals, base: t.base }, t.base, e, ctx);
      }
      if (e.type === "up") {
        // a click (no drag) on a selected box with shift toggles it off
        const selection = t.additive && t.base.selection.includes(t.id) && s.selection.length > 1 && t.base === s ? t.base.selection.filter((x) => x !== t.id) : t.base.selection;
        return { tool: idle("select"), state: { ...t.base, selection } };
      }
      return { tool: t, state: s };
    }
    case "dragging": {
      const dx = e.p.x - t.start.x;
      const dy = e.p.y - t.start.y;
      // the whole selection moves by the same amount, limited so no box leaves the page
      const minDx = Math.max(...t.originals.map((b) => -b.x));
      const maxDx = Math.min(...t.originals.map((b) => 1 - b.x - b.w));
      const minDy = Math.max(...t.originals.map((b) => -b.y));
      const maxDy = Math.min(...t.originals.map((b) => 1 - b.y - b.h));
      const cdx = Math.min(maxDx, Math.max(minDx, dx));
      const cdy = Math.min(maxDy, Math.max(minDy, dy));
      const after = t.originals.map((b) => ({ ...b, ...moveRect(b, cdx, cdy) }));
      const cmd: Command = { type: "update", before: t.originals, after };
      const preview = apply(t.base, cmd).state;
      if (e.type === "up") {
        const changed = cdx !== 0 || cdy !== 0;
        return { tool: idle("select"), state: preview, commit: changed ? { label: t.originals.length > 1 ? `move ${t.originals.length} boxes` : "move box", commands: [cmd], base: t.base } : undefined };
      }
      return { tool: t, state: preview };
    }
    case "resizing": {
      const r = resizeRect(t.original, t.handle, e.p);
      const after = { ...t.original, ...r };
      const cmd: Command = { type: "update", before: [t.original], after: [after] };
      const tooSmall = r.w / ctx.unitsPerPixel < MIN_BOX_PX || r.h / ctx.unitsPerPixel < MIN_BOX_PX;
      const preview = tooSmall ? t.base : apply(t.base, cmd).state;
      if (e.type === "up") {
        return { tool: idle("select"), state: preview, commit: tooSmall ? undefined : { label: "resize box", commands: [cmd], base: t.base } };
      }
      return { tool: t, state: preview };
    }
    case "brushing": {
      const brush = rectFromPoints(t.start, e.p);
      const hidden = new Set(t.base.hiddenClasses);
      const inside = (ctx.index ? ctx.index.query(brush) : t.base.boxes).filter((b) => !hidden.has(b.cls) && intersects(b, brush)).map((b) => b.id);
      const selection = t.additive ? [...new Set([...t.base.selection, ...inside])] : inside;
      const state = { ...t.base, selection };
      if (e.type === "up") return { tool: idle("select"), state };
      return { tool: { ...t, brush }, state, brush };
    }
  }
}

function drawTool(t: Extract<ToolState, { tool: "draw" }>, s: EditorState, e: PointerEvent, ctx: ToolContext): ToolResult {
  if (t.mode === "idle") {
    if (e.type !== "down") return { tool: t, state: s };
    return { tool: { tool: "draw", mode: "drawing", start: e.p, base: s, rect: { x: e.p.x, y: e.p.y, w: 0, h: 0 } }, state: s };
  }
  const rect = rectFromPoints(t.start, e.p);
  const big = rect.w / ctx.unitsPerPixel >= MIN_BOX_PX && rect.h / ctx.unitsPerPixel >= MIN_BOX_PX;
  const box: EBox = { id: newId(), cls: t.base.activeClass, ...rect };
  const cmd: Command = { type: "add", boxes: [box] };
  if (e.type === "up") {
    if (!big) return { tool: idle("draw"), state: t.base };
    const state = { ...apply(t.base, cmd).state, selection: [box.id] };
    return { tool: idle("draw"), state, commit: { label: "draw box", commands: [cmd], base: t.base } };
  }
  return { tool: { ...t, rect }, state: t.base, brush: rect };
}
