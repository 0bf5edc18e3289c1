import type { Box } from "../boxes";

/**
 * Parses one YOLO label file strictly. Every problem is reported as "file:line: message" so a
 * user can fix the whole dataset in one pass; nothing is clamped or guessed.
 */
export function parseYoloLabels(text: string, file: string, classCount: number): { boxes: Box[]; errors: string[] } {
  const boxes: Box[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const where = `${file}:${i + 1}`;
    const cols = line.split(/\s+/);
    if (cols.length !== 5) {
      errors.push(`${where}: expected 5 columns "class cx cy w h", found ${cols.length}`);
      return;
    }
    const [c, ...rest] = cols as [string, string, string, string, string];
    if (!/^\d+$/.test(c)) {
      errors.push(`${where}: class "${c}" is not a whole number`);
      return;
    }
    const cls = Number(c);
    if (cls >= classCount) {
      errors.push(`${where}: class ${cls} is out of range (the dataset has ${classCount} classes, 0-${classCount - 1})`);
      return;
    }
    const nums = rest.map(Number);
    const names = ["cx", "cy", "w", "h"];
    const bad = nums.findIndex((v, k) => !Number.isFinite(v) || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(rest[k]!));
    if (bad >= 0) {
      errors.push(`${where}: ${names[bad]} "${rest[bad]}" is not a number`);
      return;
    }
    const out = nums.findIndex((v) => v < 0 || v > 1);
    if (out >= 0) {
      errors.push(`${where}: ${names[out]} ${rest[out]} is outside [0, 1]`);
      return;
    }
    const [cx, cy, w, h] = nums as [number, number, number, number];
    if (w === 0 || h === 0) {
      errors.push(`${where}: box has zero ${w === 0 ? "width" : "height"}`);
      return;
    }
    boxes.push({ cls, cx, cy, w, h });
  });
  return { boxes, errors };
}
