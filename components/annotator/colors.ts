/** Distinct per-class colours (Tableau 10, then repeats with another dash style on the canvas). */
const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7", "#9c755f", "#bab0ac"];

export function classColor(cls: number): string {
  return PALETTE[cls % PALETTE.length]!;
}
