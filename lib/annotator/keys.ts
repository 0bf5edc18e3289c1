import type { Command } from "./commands";
import { moveRect, type EBox } from "./geometry";
import { newId, visibleBoxes, visibleDrafts, type EditorState } from "./state";

/** Every action has a key; the `?` overlay lists this table. */
export const SHORTCUTS = [
  { keys: ["v"], action: "tool.select", label: "Select / move tool" },
  { keys: ["b"], action: "tool.draw", label: "Draw box tool" },
  { keys: ["1-9"], action: "class.set", label: "Set the class of the selection (or the class to draw)" },
  { keys: ["/"], action: "class.search", label: "Search classes by name" },
  { keys: ["Delete", "Backspace"], action: "box.delete", label: "Delete selected boxes" },
  { keys: ["Ctrl+D"], action: "box.duplicate", label: "Duplicate selected boxes" },
  { keys: ["Arrows"], action: "box.nudge", label: "Nudge selection 1 px (Shift: 10 px)" },
  { keys: ["Tab", "Shift+Tab"], action: "select.cycle", label: "Select next / previous box (scrolls into view)" },
  { keys: ["Ctrl+A"], action: "select.all", label: "Select all visible boxes" },
  { keys: ["Escape"], action: "select.none", label: "Cancel the gesture / clear the selection" },
  { keys: ["a"], action: "draft.accept", label: "Accept the selected model draft (Shift+A: all shown drafts)" },
  { keys: ["x"], action: "draft.discard", label: "Discard shown model drafts" },
  { keys: ["h"], action: "class.hide", label: "Hide / show the selection's classes (Shift+H: show all)" },
  { keys: ["l"], action: "box.lock", label: "Lock / unlock selected boxes" },
  { keys: ["Ctrl+Z"], action: "history.undo", label: "Undo" },
  { keys: ["Ctrl+Shift+Z", "Ctrl+Y"], action: "history.redo", label: "Redo" },
  { keys: ["f"], action: "view.fit", label: "Fit the page" },
  { keys: ["0"], action: "view.actual", label: "Zoom 1:1" },
  { keys: ["Space+drag", "Middle drag"], action: "view.pan", label: "Pan" },
  { keys: ["Ctrl+Enter"], action: "task.submit", label: "Submit for review" },
  { keys: ["n", "p"], action: "task.next", label: "Next / previous task" },
  { keys: ["?"], action: "help", label: "Show this list" },
] as const;

export type Key = { key: string; ctrl?: boolean; shift?: boolean };
export type KeyOutcome =
  | { kind: "edit"; label: string; commands: Command[]; state?: EditorState }
  | { kind: "state"; state: EditorState }
  | { kind: "app"; action: "undo" | "redo" | "fit" | "actual" | "submit" | "next" | "previous" | "help" | "tool.select" | "tool.draw" | "class.search" }
  | { kind: "none" };

const PX = 1 / 1000; // a nudge step in page units (≈ 1 screen pixel at fit on a typical page)

/** Keyboard -> what to do. Pure; the component maps DOM events to Key and applies the outcome. */
export function keyOutcome(s: EditorState, k: Key): KeyOutcome {
  const sel = s.boxes.filter((b) => s.selection.includes(b.id));
  const editable = sel.filter((b) => !s.locked.includes(b.id));
  const key = k.key.length === 1 ? k.key.toLowerCase() : k.key;
  if (k.ctrl) {
    if (key === "z") return { kind: "app", action: k.shift ? "redo" : "undo" };
    if (key === "y") return { kind: "app", action: "redo" };
    if (key === "a") return { kind: "state", state: { ...s, selection: visibleBoxes(s).map((b) => b.id) } };
    if (key === "Enter") return { kind: "app", action: "submit" };
    if (key === "d" && sel.length) {
      const copies: EBox[] = sel.map((b) => ({ ...b, ...moveRect(b, 10 * PX, 10 * PX), id: newId() }));
      return { kind: "edit", label: "duplicate", commands: [{ type: "add", boxes: copies }] };
    }
    return { kind: "none" };
  }
  if (/^[1-9]$/.test(key)) {
    const cls = Number(key) - 1;
    if (!editable.length) return { kind: "state", state: { ...s, activeClass: cls } };
    return { kind: "edit", label: "change class", commands: [{ type: "update", before: editable, after: editable.map((b) => ({ ...b, cls })) }] };
  }
  switch (key) {
    case "Delete":
    case "Backspace":
      return editable.length ? { kind: "edit", label: "delete", commands: [{ type: "remove", ids: editable.map((b) => b.id) }] } : { kind: "none" };
    case "ArrowLeft":
    case "ArrowRight":
    case "ArrowUp":
    case "ArrowDown": {
      if (!editable.length) return { kind: "none" };
      const step = (k.shift ? 10 : 1) * PX;
      const dx = key === "ArrowLeft" ? -step : key === "ArrowRight" ? step : 0;
      const dy = key === "ArrowUp" ? -step : key === "ArrowDown" ? step : 0;
      return { kind: "edit", label: "nudge", commands: [{ type: "update", before: editable, after: editable.map((b) => ({ ...b, ...moveRect(b, dx, dy) })) }] };
    }
    case "Tab": {
      // reading order: top to bottom, then left to right
      const order = visibleBoxes(s).sort((a, b) => a.y - b.y || a.x - b.x);
      if (!order.length) return { kind: "none" };
      const current = order.findIndex((b) => b.id === s.selection[s.selection.length - 1]);
      const next = current < 0 ? (k.shift ? order.length - 1 : 0) : (current + (k.shift ? -1 : 1) + order.length) % order.length;
      return { kind: "state", state: { ...s, selection: [order[next]!.id] } };
    }
    case "Escape":
      return { kind: "state", state: { ...s, selection: [] } };
    case "a": {
      const shown = visibleDrafts(s);
      const ids = k.shift ? shown.map((d) => d.id) : shown.filter((d) => s.selection.includes(d.id)).map((d) => d.id);
      return ids.length ? { kind: "edit", label: ids.length > 1 ? `accept ${ids.length} drafts` : "accept draft", commands: [{ type: "acceptDrafts", ids }] } : { kind: "none" };
    }
    case "x": {
      const ids = visibleDrafts(s).map((d) => d.id);
      return ids.length ? { kind: "edit", label: "discard drafts", commands: [{ type: "discardDrafts", ids }] } : { kind: "none" };
    }
    case "h": {
      if (k.shift) return { kind: "state", state: { ...s, hiddenClasses: [] } };
      const classes = [...new Set(sel.map((b) => b.cls))];
      if (!classes.length) return { kind: "none" };
      return { kind: "state", state: { ...s, hiddenClasses: [...new Set([...s.hiddenClasses, ...classes])], selection: [] } };
    }
    case "l": {
      if (!sel.length) return { kind: "none" };
      const allLocked = sel.every((b) => s.locked.includes(b.id));
      const ids = sel.map((b) => b.id);
      return { kind: "state", state: { ...s, locked: allLocked ? s.locked.filter((id) => !ids.includes(id)) : [...new Set([...s.locked, ...ids])] } };
    }
    case "v":
      return { kind: "app", action: "tool.select" };
    case "b":
      return { kind: "app", action: "tool.draw" };
    case "/":
      return { kind: "app", action: "class.search" };
    case "f":
      return { kind: "app", action: "fit" };
    case "0":
      return { kind: "app", action: "actual" };
    case "n":
      return { kind: "app", action: "next" };
    case "p":
      return { kind: "app", action: "previous" };
    case "?":
      return { kind: "app", action: "help" };
    default:
      return { kind: "none" };
  }
}
