import { existsSync, statSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import YAML from "yaml";
import type { Box } from "../boxes";
import { boxFromPixels } from "../boxes";
import { AppError } from "../errors";
import { parseYoloLabels } from "./labels";

export type Split = "train" | "val" | "test";
export const IMAGE_EXTENSIONS = new Set([".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff"]);

/** One image with its labels, as read from disk; `rel` names it in error messages. */
export type ScannedImage = { file: string; rel: string; split: Split | null; boxes: Box[]; size?: { width: number; height: number } };

export type ScannedDataset = {
  format: "yolo" | "coco";
  names: string[];
  images: ScannedImage[];
  /** every label problem, as file:line or file: path messages */
  errors: string[];
};

async function listImages(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    // symlinks are ignored: a dataset may not point at files outside itself
    if (e.isFile() && IMAGE_EXTENSIONS.has(path.extname(e.name).toLowerCase())) out.push(path.join(e.parentPath, e.name));
  }
  return out.sort();
}

function within(root: string, p: string): boolean {
  const r = path.resolve(root);
  const t = path.resolve(p);
  return t === r || t.startsWith(r + path.sep);
}

/** Finds the dataset in a folder: data.yaml (YOLO) or *.json (COCO). */
export async function scanDataset(root: string): Promise<ScannedDataset> {
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new AppError("invalid", `not a folder: ${path.basename(root)}`);
  const yamls = ["data.yaml", "data.yml", "dataset.yaml"].map((f) => path.join(/*turbopackIgnore: true*/ root, f)).filter(existsSync);
  if (yamls[0]) return scanYolo(root, yamls[0]);
  const top = await readdir(root);
  const nested = top.length === 1 && statSync(path.join(root, top[0]!)).isDirectory() ? path.join(root, top[0]!) : null;
  if (nested) return scanDataset(nested); // zips often wrap everything in one folder
  const jsons = (await readdir(root, { recursive: true })).filter((f) => f.endsWith(".json")).map((f) => path.join(root, f));
  if (jsons.length) return scanCoco(root, jsons);
  throw new AppError("invalid", "no dataset found: expected data.yaml (Ultralytics YOLO) or a COCO .json file");
}

function parseNames(raw: unknown, file: string): string[] {
  if (Array.isArray(raw) && raw.every((n) => typeof n === "string")) return raw;
  if (raw && typeof raw === "object") {
    const entries = Object.entries(raw as Record<string, unknown>);
    const names: string[] = [];
    for (const [k, v] of entries) {
      if (!/^\d+$/.test(k) || typeof v !== "string") throw new AppError("invalid", `${file}: names must map 0..N-1 to strings`);
      names[Number(k)] = v;
    }
    if (names.length !== entries.length || names.some((n) => n === undefined)) throw new AppError("invalid", `${file}: names must be numbered 0..${entries.length - 1} without gaps`);
    return names;
  }
  throw new AppError("invalid", `${file}: missing "names" (a list or a map of class names)`);
}

async function scanYolo(root: string, yamlPath: string): Promise<ScannedDataset> {
  const rel = path.relative(root, yamlPath);
  let doc: Record<string, unknown>;
  try {
    doc = YAML.parse(await readFile(yamlPath, "utf8")) ?? {};
  } catch (e) {
    throw new AppError("invalid", `${rel}: not valid YAML (${(e as Error).message.split("\n")[0]})`);
  }
  const names = parseNames(doc.names, rel);
  if (!names.length) throw new AppError("invalid", `${rel}: the class list is empty`);
  if (new Set(names).size !== names.length) throw new AppError("invalid", `${rel}: class names must be unique`);
  // `path` in a copied data.yaml usually points at the author's machine: only honour it inside the dataset
  const declared = typeof doc.path === "string" ? path.resolve(path.dirname(yamlPath), doc.path) : null;
  const base = declared && within(root, declared) && existsSync(declared) ? declared : path.dirname(yamlPath);
  const images: ScannedImage[] = [];
  const errors: string[] = [];
  for (const split of ["train", "val", "test"] as const) {
    const spec = doc[split];
    if (spec === undefined || spec === null) continue;
    const dirs = Array.isArray(spec) ? spec : [spec];
    for (const d of dirs) {
      if (typeof d !== "string") throw new AppError("invalid", `${rel}: ${split} must be a folder path`);
      const dir = path.resolve(base, d);
      if (!within(root, dir)) throw new AppError("invalid", `${rel}: ${split} "${d}" points outside the dataset`);
      if (!existsSync(dir)) throw new AppError("invalid", `${rel}: ${split} folder "${d}" does not exist`);
      if (!statSync(dir).isDirectory()) throw new AppError("invalid", `${rel}: ${split} "${d}" must be a folder (image list files are not supported)`);
      for (const file of await listImages(dir)) {
        const relImage = path.relative(root, file);
        const labelFile = labelPathFor(file);
        let boxes: Box[] = [];
        if (labelFile && existsSync(labelFile)) {
          const parsed = parseYoloLabels(await readFile(labelFile, "utf8"), path.relative(root, labelFile), names.length);
          boxes = parsed.boxes;
          errors.push(...parsed.errors);
        }
        images.push({ file, rel: relImage, split, boxes });
      }
    }
  }
  if (!images.length) throw new AppError("invalid", `${rel}: no images found in train/val/test`);
  return { format: "yolo", names, images, errors };
}

/** Ultralytics' rule: the last /images/ becomes /labels/, the extension .txt. */
export function labelPathFor(imageFile: string): string | null {
  const parts = imageFile.split(path.sep);
  const i = parts.lastIndexOf("images");
  if (i < 0) return null;
  parts[i] = "labels";
  const joined = parts.join(path.sep);
  return joined.slice(0, joined.length - path.extname(joined).length) + ".txt";
}

type CocoJson = {
  images?: { id: number; file_name: string; width: number; height: number }[];
  annotations?: { image_id: number; category_id: number; bbox: number[] }[];
  categories?: { id: number; name: string }[];
};

function splitFromName(file: string): Split | null {
  const b = path.basename(file).toLowerCase();
  if (/test/.test(b)) return "test";
  if (/val/.test(b)) return "val";
  if (/train/.test(b)) return "train";
  return null;
}

async function scanCoco(root: string, jsonFiles: string[]): Promise<ScannedDataset> {
  const images: ScannedImage[] = [];
  const errors: string[] = [];
  let names: string[] | null = null;
  for (const jsonFile of jsonFiles.sort()) {
    const rel = path.relative(root, jsonFile);
    let coco: CocoJson;
    try {
      coco = JSON.parse(await readFile(jsonFile, "utf8"));
    } catch {
      throw new AppError("invalid", `${rel}: not valid JSON`);
    }
    if (!Array.isArray(coco.images) || !Array.isArray(coco.annotations) || !Array.isArray(coco.categories)) {
      throw new AppError("invalid", `${rel}: a COCO file needs "images", "annotations" and "categories" arrays`);
    }
    const cats = [...coco.categories].sort((a, b) => a.id - b.id);
    const these = cats.map((c) => c.name);
    if (names && these.join("\u0000") !== names.join("\u0000")) throw new AppError("invalid", `${rel}: categories differ from the other COCO files`);
    names = these;
    const clsOf = new Map(cats.map((c, i) => [c.id, i]));
    const split = jsonFiles.length > 1 ? splitFromName(jsonFile) : null;
    if (jsonFiles.length > 1 && !split) throw new AppError("invalid", `${rel}: with several COCO files, each name must say train, val or test`);
    const byImage = new Map<number, ScannedImage>();
    for (const img of coco.images) {
      const candidates = [path.resolve(path.dirname(jsonFile), img.file_name), path.resolve(path.dirname(jsonFile), "images", img.file_name), path.resolve(root, "images", img.file_name), path.resolve(root, img.file_name)];
      const file = candidates.find((c) => within(root, c) && existsSync(c));
      if (!file) {
        errors.push(`${rel}: image ${img.id} "${img.file_name}" not found`);
        continue;
      }
      const entry: ScannedImage = { file, rel: path.relative(root, file), split, boxes: [], size: { width: img.width, height: img.height } };
      byImage.set(img.id, entry);
      images.push(entry);
    }
    coco.annotations.forEach((a, k) => {
      const where = `${rel}: annotations[${k}]`;
      const img = byImage.get(a.image_id);
      const cls = clsOf.get(a.category_id);
      if (!coco.images!.some((i) => i.id === a.image_id)) return void errors.push(`${where}: unknown image_id ${a.image_id}`);
      if (!img) return; // image missing: already reported
      if (cls === undefined) return void errors.push(`${where}: unknown category_id ${a.category_id}`);
      const bbox = a.bbox;
      if (!Array.isArray(bbox) || bbox.length !== 4 || bbox.some((v) => typeof v !== "number" || !Number.isFinite(v))) return void errors.push(`${where}: bbox must be 4 numbers [x, y, w, h]`);
      const [x, y, w, h] = bbox as [number, number, number, number];
      const { width, height } = img.size!;
      if (w <= 0 || h <= 0) return void errors.push(`${where}: bbox has zero size`);
      if (x < 0 || y < 0 || x + w > width + 0.5 || y + h > height + 0.5) return void errors.push(`${where}: bbox [${bbox.join(", ")}] lies outside the ${width}x${height} image`);
      img.boxes.push(boxFromPixels(cls, [x, y, x + w, y + h], width, height));
    });
  }
  if (!names?.length) throw new AppError("invalid", "the COCO categories are empty");
  if (!images.length && !errors.length) throw new AppError("invalid", "no images in the COCO file(s)");
  return { format: "coco", names, images, errors };
}
