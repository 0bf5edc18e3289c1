import type { EBox } from "./geometry";

/** A model prediction shown as an editable draft until accepted or discarded. */
export type Draft = EBox & { conf: number };

export type EditorState = {
  boxes: EBox[];
  drafts: Draft[];
  selection: string[];
  hiddenClasses: number[];
  locked: string[];
  /** drafts below this confidence are not shown */
  threshold: number;
  activeClass: number;
};

export function initialState(input: { boxes?: EBox[]; drafts?: Draft[]; activeClass?: number; threshold?: number } = {}): EditorState {
  return { boxes: input.boxes ?? [], drafts: input.drafts ?? [], selection: [], hiddenClasses: [], locked: [], threshold: input.threshold ?? 0.25, activeClass: input.activeClass ?? 0 };
}

export function visibleBoxes(s: EditorState): EBox[] {
  return s.boxes.filter((b) => !s.hiddenClasses.includes(b.cls));
}

export function visibleDrafts(s: EditorState): Draft[] {
  return s.drafts.filter((d) => d.conf >= s.threshold && !s.hiddenClasses.includes(d.cls));
}

let seq = 0;
/** Ids only need to be unique within one editing session. */
export function newId(prefix = "b"): string {
  seq += 1;
  return `${prefix}${Date.now().toString(36)}${seq.toString(36)}`;
}
