import { apply, type Command, type Step } from "./commands";
import type { EditorState } from "./state";

/**
 * Undo/redo with one step per gesture. Ephemeral changes during a drag are not recorded:
 * the tool commits a single command on pointer-up (or nothing on Escape).
 */
export type History = { undo: Step[]; redo: Step[] };

export const emptyHistory = (): History => ({ undo: [], redo: [] });
const LIMIT = 500;

export function perform(state: EditorState, history: History, label: string, commands: Command[]): { state: EditorState; history: History } {
  if (!commands.length) return { state, history };
  let s = state;
  const inverses: Command[] = [];
  for (const c of commands) {
    const r = apply(s, c);
    s = r.state;
    inverses.unshift(r.inverse);
  }
  return { state: s, history: { undo: [...history.undo, { label, commands, inverses }].slice(-LIMIT), redo: [] } };
}

export function undo(state: EditorState, history: History): { state: EditorState; history: History } {
  const step = history.undo[history.undo.length - 1];
  if (!step) return { state, history };
  let s = state;
  for (const c of step.inverses) s = apply(s, c).state;
  return { state: s, history: { undo: history.undo.slice(0, -1), redo: [...history.redo, step] } };
}

export function redo(state: EditorState, history: History): { state: EditorState; history: History } {
  const step = history.redo[history.redo.length - 1];
  if (!step) return { state, history };
  let s = state;
  for (const c of step.commands) s = apply(s, c).state;
  return { state: s, history: { undo: [...history.undo, step], redo: history.redo.slice(0, -1) } };
}
