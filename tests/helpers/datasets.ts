import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pngImage } from "./fixtures";

export const NAMES = ["header", "total", "stamp"];

/** A small, valid Ultralytics YOLO dataset: n images per split, one label line each. */
export async function writeYoloDataset(
  dir: string,
  opts: { perSplit?: Partial<Record<"train" | "val" | "test", number>>; names?: string[]; variant?: number } = {},
): Promise<Record<string, string[]>> {
  const perSplit = { train: 8, val: 2, test: 2, ...opts.perSplit };
  const names = opts.names ?? NAMES;
  const files: Record<string, string[]> = {};
  let v = opts.variant ?? 1000;
  const splits = Object.entries(perSplit).filter(([, n]) => n > 0);
  for (const [split, n] of splits) {
    await mkdir(path.join(dir, "images", split), { recursive: true });
    await mkdir(path.join(dir, "labels", split), { recursive: true });
    files[split] = [];
    for (let i = 0; i < n; i++) {
      const name = `${split}_${i}`;
      await writeFile(path.join(dir, "images", split, `${name}.png`), await pngImage(v++, 40, 50));
      await writeFile(path.join(dir, "labels", split, `${name}.txt`), `${i % names.length} 0.5 0.5 0.2 0.1\n`);
      files[split].push(name);
    }
  }
  const yaml = [`path: .`, ...splits.map(([s]) => `${s}: images/${s}`), "names:", ...names.map((n, i) => `  ${i}: ${n}`), ""].join("\n");
  await writeFile(path.join(dir, "data.yaml"), yaml);
  return files;
}
