import type { EBox } from "./geometry";
import type { Draft, EditorState } from "./state";

/**
 * Every edit is a command: a pure function of the state that also returns its inverse, so
 * undo is "apply the inverse" and history never stores whole snapshots.
 */
export type Command =
  | { type: "add"; boxes: EBox[] }
  | { type: "remove"; ids: string[] }
  | { type: "update"; before: EBox[]; after: EBox[] }
  | { type: "acceptDrafts"; ids: string[] }
  | { type: "restoreDrafts"; drafts: Draft[]; boxIds: string[] }
  | { type: "discardDrafts"; ids: string[] }
  | { type: "addDrafts"; drafts: Draft[] };

export type Result = { state: EditorState; inverse: Command };

const byId = <T extends { id: string }>(xs: readonly T[]) => new Map(xs.map((x) => [x.id, x]));

export function apply(s: EditorState, c: Command): Result {
  switch (c.type) {
    case "add": {
      const ids = new Set(c.boxes.map((b) => b.id));
      // added boxes become the selection: after a draw, a duplicate, or undoing a delete
      return { state: { ...s, boxes: [...s.boxes.filter((b) => !ids.has(b.id)), ...c.boxes], selection: [...ids] }, inverse: { type: "remove", ids: [...ids] } };
    }
    case "remove": {
      const ids = new Set(c.ids);
      const removed = s.boxes.filter((b) => ids.has(b.id));
      return {
        state: { ...s, boxes: s.boxes.filter((b) => !ids.has(b.id)), selection: s.selection.filter((id) => !ids.has(id)) },
        inverse: { type: "add", boxes: removed },
      };
    }
    case "update": {
      const after = byId(c.after);
      return { state: { ...s, boxes: s.boxes.map((b) => after.get(b.id) ?? b) }, inverse: { type: "update", before: c.after, after: c.before } };
    }
    case "acceptDrafts": {
      const ids = new Set(c.ids);
      const accepted = s.drafts.filter((d) => ids.has(d.id));
      const boxes: EBox[] = accepted.map((d) => ({ id: d.id, cls: d.cls, x: d.x, y: d.y, w: d.w, h: d.h }));
      return {
        state: { ...s, drafts: s.drafts.filter((d) => !ids.has(d.id)), boxes: [...s.boxes, ...boxes], selection: boxes.map((b) => b.id) },
        inverse: { type: "restoreDrafts", drafts: accepted, boxIds: boxes.map((b) => b.id) },
      };
    }
    case "restoreDrafts": {
      const ids = new Set(c.boxIds);
      return {
        state: { ...s, boxes: s.boxes.filter((b) => !ids.has(b.id)), drafts: [...s.drafts, ...c.drafts], selection: s.selection.filter((id) => !ids.has(id)) },
        inverse: { type: "acceptDrafts", ids: c.drafts.map((d) => d.id) },
      };
    }
    case "discardDrafts": {
      const ids = new Set(c.ids);
      return { state: { ...s, drafts: s.drafts.filter((d) => !ids.has(d.id)) }, inverse: { type: "addDrafts", drafts: s.drafts.filter((d) => ids.has(d.id)) } };
    }
    case "addDrafts":
      return { state: { ...s, drafts: [...s.drafts, ...c.drafts] }, inverse: { type: "discardDrafts", ids: c.drafts.map((d) => d.id) } };
  }
}

/** Combines the inverses of a gesture's commands into one undo step (applied in reverse). */
export type Step = { label: string; commands: Command[]; inverses: Command[] };
