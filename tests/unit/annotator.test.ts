import { describe, expect, it } from "vitest";
import { diffBoxes } from "@/lib/annotator/diff";
import { fromYolo, GridIndex, hitTest, resizeRect, toYolo, type EBox } from "@/lib/annotator/geometry";
import { emptyHistory, perform, redo, undo, type History } from "@/lib/annotator/history";
import { keyOutcome } from "@/lib/annotator/keys";
import { initialState, type EditorState } from "@/lib/annotator/state";
import { idle, pointer, type PointerEvent, type ToolResult, type ToolState } from "@/lib/annotator/tools";

const box = (id: string, x: number, y: number, w = 0.1, h = 0.1, cls = 0): EBox => ({ id, cls, x, y, w, h });
const ctx = { unitsPerPixel: 0.001 };

/** Drives a tool through a gesture and applies its commit to history, as the component does. */
function gesture(tool: ToolState, state: EditorState, history: History, events: PointerEvent[]) {
  let r: ToolResult = { tool, state };
  for (const e of events) {
    r = pointer(r.tool, r.state, e, ctx);
    if (r.commit) {
      const done = perform(r.commit.base, history, r.commit.label, r.commit.commands);
      history = done.history;
      r = { ...r, state: { ...done.state, selection: r.state.selection } };
    }
  }
  return { ...r, history };
}

describe("geometry", () => {
  it("round-trips YOLO boxes and resizes from any handle, flipping cleanly", () => {
    const b = fromYolo({ cls: 2, cx: 0.5, cy: 0.5, w: 0.2, h: 0.4 }, "a");
    expect(b).toMatchObject({ x: 0.4, y: 0.3, w: 0.2 });
    expect(toYolo(b).cx).toBeCloseTo(0.5);
    expect(resizeRect(b, "se", { x: 0.7, y: 0.9 })).toEqual({ x: 0.4, y: 0.3, w: 0.29999999999999993, h: 0.6000000000000001 });
    const flipped = resizeRect(b, "e", { x: 0.3, y: 0.5 });
    expect(flipped.x).toBeCloseTo(0.3);
    expect(flipped.w).toBeCloseTo(0.1);
  });

  it("hit-tests handles of selected boxes first, then the smallest box under the point", () => {
    const outer = box("outer", 0.1, 0.1, 0.5, 0.5);
    const inner = box("inner", 0.2, 0.2, 0.1, 0.1);
    expect(hitTest({ x: 0.25, y: 0.25 }, [outer, inner], new Set(), 0.005)).toEqual({ kind: "box", id: "inner" });
    expect(hitTest({ x: 0.601, y: 0.6 }, [outer, inner], new Set(["outer"]), 0.005)).toEqual({ kind: "handle", id: "outer", handle: "se" });
    expect(hitTest({ x: 0.9, y: 0.9 }, [outer, inner], new Set(), 0.005)).toEqual({ kind: "none" });
  });

  it("finds the same boxes through the grid index as by brute force", () => {
    const boxes = Array.from({ length: 3000 }, (_, i) => box(`b${i}`, ((i * 37) % 97) / 100, ((i * 53) % 89) / 100, 0.02, 0.015));
    const index = new GridIndex(boxes);
    const viewport = { x: 0.3, y: 0.2, w: 0.25, h: 0.3 };
    const brute = boxes.filter((b) => b.x <= viewport.x + viewport.w && viewport.x <= b.x + b.w && b.y <= viewport.y + viewport.h && viewport.y <= b.y + b.h);
    expect(index.query(viewport).map((b) => b.id).sort()).toEqual(brute.map((b) => b.id).sort());
    for (const p of [{ x: 0.31, y: 0.21 }, { x: 0.555, y: 0.44 }]) {
      expect(hitTest(p, boxes, new Set(), 0, index)).toEqual(hitTest(p, boxes, new Set(), 0));
    }
  });
});

describe("tools and history", () => {
  it("draws a box with the active class in one undo step; undo and redo restore it", () => {
    const s0 = { ...initialState(), activeClass: 3 };
    const r = gesture(idle("draw"), s0, emptyHistory(), [
      { type: "down", p: { x: 0.1, y: 0.1 } },
      { type: "move", p: { x: 0.2, y: 0.15 } },
      { type: "move", p: { x: 0.3, y: 0.2 } },
      { type: "up", p: { x: 0.3, y: 0.2 } },
    ]);
    expect(r.state.boxes).toHaveLength(1);
    expect(r.state.boxes[0]).toMatchObject({ cls: 3, x: 0.1, y: 0.1 });
    expect(r.history.undo).toHaveLength(1);
    const u = undo(r.state, r.history);
    expect(u.state.boxes).toEqual([]);
    expect(redo(u.state, u.history).state.boxes).toEqual(r.state.boxes);
  });

  it("ignores a click-sized draw and a jitter under the drag threshold", () => {
    const r = gesture(idle("draw"), initialState(), emptyHistory(), [
      { type: "down", p: { x: 0.1, y: 0.1 } },
      { type: "up", p: { x: 0.101, y: 0.102 } },
    ]);
    expect(r.state.boxes).toEqual([]);
    const s = initialState({ boxes: [box("a", 0.1, 0.1)] });
    const j = gesture(idle("select"), s, emptyHistory(), [
      { type: "down", p: { x: 0.15, y: 0.15 } },
      { type: "move", p: { x: 0.151, y: 0.15 } },
      { type: "up", p: { x: 0.151, y: 0.15 } },
    ]);
    expect(j.history.undo).toEqual([]);
    expect(j.state.boxes[0]).toEqual(box("a", 0.1, 0.1));
    expect(j.state.selection).toEqual(["a"]);
  });

  it("drags the whole selection as one step, clamped to the page; Escape cancels", () => {
    const s = { ...initialState({ boxes: [box("a", 0.1, 0.1), box("b", 0.8, 0.1)] }), selection: ["a", "b"] };
    const r = gesture(idle("select"), s, emptyHistory(), [
      { type: "down", p: { x: 0.15, y: 0.15 } },
      { type: "move", p: { x: 0.3, y: 0.2 } },
      { type: "up", p: { x: 0.45, y: 0.2 } },
    ]);
    // b can only move 0.1 to the right, so the group moves 0.1
    expect(r.state.boxes.map((b) => [b.id, +b.x.toFixed(3), +b.y.toFixed(3)])).toEqual([["a", 0.2, 0.15], ["b", 0.9, 0.15]]);
    expect(r.history.undo.map((st) => st.label)).toEqual(["move 2 boxes"]);
    expect(undo(r.state, r.history).state.boxes).toEqual(s.boxes);

    const c = gesture(idle("select"), s, emptyHistory(), [
      { type: "down", p: { x: 0.15, y: 0.15 } },
      { type: "move", p: { x: 0.3, y: 0.3 } },
      { type: "cancel", p: { x: 0.3, y: 0.3 } },
    ]);
    expect(c.state.boxes).toEqual(s.boxes);
    expect(c.history.undo).toEqual([]);
  });

  it("resizes by a handle and leaves locked boxes alone", () => {
    const s = { ...initialState({ boxes: [box("a", 0.1, 0.1, 0.2, 0.2)] }), selection: ["a"] };
    const r = gesture(idle("select"), s, emptyHistory(), [
      { type: "down", p: { x: 0.3, y: 0.3 } },
      { type: "move", p: { x: 0.5, y: 0.4 } },
      { type: "up", p: { x: 0.5, y: 0.4 } },
    ]);
    expect(r.state.boxes[0]).toMatchObject({ x: 0.1, y: 0.1 });
    expect(r.state.boxes[0]!.w).toBeCloseTo(0.4);
    expect(r.history.undo.map((st) => st.label)).toEqual(["resize box"]);
    const locked = { ...s, locked: ["a"] };
    const l = gesture(idle("select"), locked, emptyHistory(), [
      { type: "down", p: { x: 0.2, y: 0.2 } },
      { type: "move", p: { x: 0.5, y: 0.5 } },
      { type: "up", p: { x: 0.5, y: 0.5 } },
    ]);
    expect(l.state.boxes).toEqual(locked.boxes);
  });

  it("rubber-band selects intersecting visible boxes", () => {
    const s = initialState({ boxes: [box("a", 0.1, 0.1), box("b", 0.5, 0.5), box("c", 0.15, 0.15, 0.05, 0.05, 4)] });
    const r = gesture(idle("select"), { ...s, hiddenClasses: [4] }, emptyHistory(), [
      { type: "down", p: { x: 0.05, y: 0.05 } },
      { type: "move", p: { x: 0.3, y: 0.3 } },
      { type: "up", p: { x: 0.3, y: 0.3 } },
    ]);
    expect(r.state.selection).toEqual(["a"]);
  });
});

describe("keyboard", () => {
  const s = { ...initialState({ boxes: [box("a", 0.1, 0.5), box("b", 0.5, 0.1)], drafts: [{ ...box("d1", 0.7, 0.7), conf: 0.9 }, { ...box("d2", 0.2, 0.2), conf: 0.1 }] }), selection: ["a"] };

  it("edits through commands that undo as one step each", () => {
    const del = keyOutcome(s, { key: "Delete" });
    expect(del).toMatchObject({ kind: "edit", commands: [{ type: "remove", ids: ["a"] }] });
    const cls = keyOutcome(s, { key: "3" });
    expect(cls).toMatchObject({ kind: "edit", commands: [{ type: "update", after: [{ id: "a", cls: 2 }] }] });
    const nudge = keyOutcome(s, { key: "ArrowRight", shift: true });
    if (nudge.kind !== "edit") throw new Error("expected an edit");
    const done = perform(s, emptyHistory(), nudge.label, nudge.commands);
    expect(done.state.boxes[0]!.x).toBeCloseTo(0.11);
    expect(undo(done.state, done.history).state).toEqual(s);
  });

  it("cycles the selection in reading order, both ways", () => {
    const next = keyOutcome(s, { key: "Tab" });
    if (next.kind !== "state") throw new Error("expected state");
    // reading order: b (y 0.1), then a (y 0.5); from a, Tab wraps around to b
    expect(next.state.selection).toEqual(["b"]);
    const prev = keyOutcome({ ...s, selection: ["b"] }, { key: "Tab", shift: true });
    expect(prev.kind === "state" && prev.state.selection).toEqual(["a"]);
  });

  it("accepts shown drafts (over the threshold only) and undoes the accept", () => {
    const out = keyOutcome(s, { key: "a", shift: true });
    if (out.kind !== "edit") throw new Error("expected an edit");
    expect(out.commands).toEqual([{ type: "acceptDrafts", ids: ["d1"] }]);
    const done = perform(s, emptyHistory(), out.label, out.commands);
    expect(done.state.boxes.map((b) => b.id)).toEqual(["a", "b", "d1"]);
    expect(done.state.boxes[2]).not.toHaveProperty("conf");
    expect(done.state.drafts.map((d) => d.id)).toEqual(["d2"]);
    expect(undo(done.state, done.history).state.drafts.map((d) => d.id).sort()).toEqual(["d1", "d2"]);
  });

  it("maps app shortcuts", () => {
    expect(keyOutcome(s, { key: "z", ctrl: true })).toEqual({ kind: "app", action: "undo" });
    expect(keyOutcome(s, { key: "Z", ctrl: true, shift: true })).toEqual({ kind: "app", action: "redo" });
    expect(keyOutcome(s, { key: "?" })).toEqual({ kind: "app", action: "help" });
    expect(keyOutcome({ ...s, selection: [] }, { key: "2" })).toEqual({ kind: "state", state: { ...s, selection: [], activeClass: 1 } });
  });
});

describe("review diff", () => {
  it("classifies each prediction and final box", () => {
    const p = [
      { cls: 0, cx: 0.2, cy: 0.2, w: 0.1, h: 0.1 },
      { cls: 1, cx: 0.5, cy: 0.5, w: 0.1, h: 0.1 },
      { cls: 2, cx: 0.8, cy: 0.8, w: 0.1, h: 0.1 },
      { cls: 3, cx: 0.8, cy: 0.2, w: 0.1, h: 0.1 },
    ];
    const f = [
      { cls: 0, cx: 0.2, cy: 0.2, w: 0.1, h: 0.1 },
      { cls: 1, cx: 0.52, cy: 0.5, w: 0.1, h: 0.1 },
      { cls: 4, cx: 0.8, cy: 0.8, w: 0.1, h: 0.1 },
      { cls: 5, cx: 0.2, cy: 0.8, w: 0.1, h: 0.1 },
    ];
    expect(diffBoxes(p, f).map((d) => d.kind).sort()).toEqual(["added", "moved", "reclassed", "removed", "unchanged"]);
  });
});
