import { createWriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import yazl from "yazl";
import { toYoloLine, type Box } from "../boxes";
import { blobStore } from "../storage/blob-store";

/** What an exporter needs per image (db/queries/manifests.ts manifestExportItems yields it). */
export type ExportImage = { documentId: number; role: "new" | "old" | "holdout" | "val"; sha256: string; contentType: string; width: number; height: number; boxes: Box[] };

/** Exports read the items twice (COCO lists images before annotations), so they take a factory. */
export type ItemSource = () => AsyncIterable<ExportImage>;

const EXT: Record<string, string> = { "image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "image/tiff": ".tif" };

/** train = new + old, val = val; holdout is kept apart (Gate 2 reads it, training never does). */
export function splitDir(role: ExportImage["role"]): "train" | "val" | "holdout" {
  return role === "val" ? "val" : role === "holdout" ? "holdout" : "train";
}

export function imagePath(img: ExportImage): string {
  return `images/${splitDir(img.role)}/${img.documentId}${EXT[img.contentType] ?? ".img"}`;
}

function labelPath(img: ExportImage): string {
  return imagePath(img).replace(/^images\//, "labels/").replace(/\.[^.]+$/, ".txt");
}

export function labelText(boxes: Box[]): string {
  return boxes.map((b) => toYoloLine(b) + "\n").join("");
}

/** With no `path`, Ultralytics resolves splits against the yaml's own folder (right for a zip). */
export function yoloDataYaml(datasetPath: string | null, names: readonly string[], val = "images/val"): string {
  return [...(datasetPath ? [`path: ${datasetPath}`] : []), "train: images/train", `val: ${val}`, "names:", ...names.map((n, i) => `  ${i}: ${JSON.stringify(n)}`), ""].join("\n");
}

/** Writes an Ultralytics YOLO folder, one image at a time (never all in memory). */
export async function writeYoloDataset(items: ItemSource, outDir: string, names: readonly string[], onProgress?: (n: number) => void): Promise<number> {
  for (const s of ["train", "val", "holdout"]) {
    await mkdir(path.join(outDir, "images", s), { recursive: true });
    await mkdir(path.join(outDir, "labels", s), { recursive: true });
  }
  let n = 0;
  for await (const img of items()) {
    await blobStore().copyTo(img.sha256, path.join(outDir, imagePath(img)));
    await writeFile(path.join(outDir, labelPath(img)), labelText(img.boxes));
    n++;
    onProgress?.(n);
  }
  await writeFile(path.join(outDir, "data.yaml"), yoloDataYaml(path.resolve(outDir), names));
  return n;
}

/** COCO detection JSON as a text stream: categories 1..N in class order, bbox [x, y, w, h] in pixels. */
export function cocoJsonStream(items: ItemSource, names: readonly string[]): Readable {
  return Readable.from(
    (async function* () {
      const categories = names.map((name, i) => ({ id: i + 1, name, supercategory: "field" }));
      yield `{"info":{"description":"FieldLoop export"},"licenses":[],"categories":${JSON.stringify(categories)},"images":[`;
      let first = true;
      for await (const img of items()) {
        yield (first ? "" : ",") + JSON.stringify({ id: img.documentId, file_name: imagePath(img), width: img.width, height: img.height });
        first = false;
      }
      yield `],"annotations":[`;
      let id = 0;
      for await (const img of items()) {
        for (const b of img.boxes) {
          const w = b.w * img.width;
          const h = b.h * img.height;
          const bbox = [(b.cx - b.w / 2) * img.width, (b.cy - b.h / 2) * img.height, w, h].map((v) => Math.round(v * 100) / 100);
          yield (id ? "," : "") + JSON.stringify({ id: ++id, image_id: img.documentId, category_id: b.cls + 1, bbox, area: Math.round(w * h * 100) / 100, iscrowd: 0 });
        }
      }
      yield "]}";
    })(),
  );
}

/** Writes a COCO folder: annotations.json + images/<split>/. */
export async function writeCocoDataset(items: ItemSource, outDir: string, names: readonly string[], onProgress?: (n: number) => void): Promise<number> {
  let n = 0;
  for await (const img of items()) {
    const dest = path.join(outDir, imagePath(img));
    await mkdir(path.dirname(dest), { recursive: true });
    await blobStore().copyTo(img.sha256, dest);
    n++;
    onProgress?.(n);
  }
  await pipeline(cocoJsonStream(items, names), createWriteStream(path.join(outDir, "annotations.json")));
  return n;
}

/** A downloadable zip (YOLO folder, or COCO JSON + images), generated while it is sent. */
export function exportZip(items: ItemSource, names: readonly string[], format: "yolo" | "coco"): Readable {
  const zip = new yazl.ZipFile();
  const out = new PassThrough();
  zip.outputStream.pipe(out);
  (async () => {
    for await (const img of items()) {
      // images are already compressed; blobs open lazily, one at a time
      zip.addReadStreamLazy(imagePath(img), { compress: false }, (cb) => {
        blobStore().open(img.sha256).then((s) => cb(null, s), (e: Error) => cb(e, undefined as never));
      });
      if (format === "yolo") zip.addBuffer(Buffer.from(labelText(img.boxes)), labelPath(img));
    }
    if (format === "yolo") zip.addBuffer(Buffer.from(yoloDataYaml(null, names)), "data.yaml");
    else zip.addReadStreamLazy("annotations.json", (cb) => cb(null, cocoJsonStream(items, names)));
    zip.end();
  })().catch((e) => out.destroy(e));
  return out;
}
