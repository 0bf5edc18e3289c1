import { existsSync } from "node:fs";
import { mkdtemp, readdir, writeFile, rm, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { and, count, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { createImport, getImport, runImport } from "@/db/queries/imports";
import { createProject } from "@/db/queries/projects";
import { annotationRevisions, documents, projects } from "@/db/schema";
import { extractZip } from "@/lib/datasets/zip";
import { AppError } from "@/lib/errors";
import { withTestDatabase } from "../helpers/db";
import { NAMES, writeYoloDataset } from "../helpers/datasets";
import { pngImage } from "../helpers/fixtures";
import { buildZip } from "../helpers/zip";

const t = withTestDatabase("import");
const temps: string[] = [];
async function tmp(): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), "fl-import-"));
  temps.push(d);
  return d;
}
afterEach(async () => {
  while (temps.length) await rm(temps.pop()!, { recursive: true, force: true });
});

let n = 0;
async function newProject(classes: string[] = []) {
  return createProject(t.db(), { slug: `imp${++n}`, name: `Import ${n}`, classes });
}

async function importDir(projectId: number, dir: string) {
  const run = await createImport(t.db(), { projectId, source: dir, actor: null });
  try {
    return { counts: await runImport(t.db(), { importId: run.id, projectId, dir, actor: null }), run };
  } catch (e) {
    return { error: e as AppError, run: await getImport(t.db(), projectId, run.id) };
  }
}

async function docCount(projectId: number) {
  const [r] = await t.db().select({ n: count() }).from(documents).where(eq(documents.projectId, projectId));
  return r!.n;
}

async function blobFiles(): Promise<string[]> {
  const dir = path.join(t.dataDir(), "blobs");
  if (!existsSync(dir)) return [];
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
}

describe("YOLO import", () => {
  it("imports images, labels and the dataset's own test split; fixes the class list", async () => {
    const p = await newProject();
    const dir = await tmp();
    await writeYoloDataset(dir);
    const { counts } = await importDir(p.id, dir);
    expect(counts).toMatchObject({ added: 12, train: 8, val: 2, test: 2, testFromDataset: true, boxes: 12 });
    const [proj] = await t.db().select().from(projects).where(eq(projects.id, p.id));
    expect(proj!.classes).toEqual(NAMES);
    const tests = await t.db().select().from(documents).where(and(eq(documents.projectId, p.id), eq(documents.origin, "anchor_test")));
    expect(tests.map((d) => d.sourceName).sort()).toEqual(["images/test/test_0.png", "images/test/test_1.png"]);
    const [rev] = await t.db().select().from(annotationRevisions).where(eq(annotationRevisions.documentId, tests[0]!.id));
    expect(rev!.boxes).toEqual([{ cls: 0, cx: 0.5, cy: 0.5, w: 0.2, h: 0.1 }]);

    // a rerun adds nothing (content-addressed), and the test set stays as it was
    const again = await importDir(p.id, dir);
    expect(again.error?.message).toMatch(/nothing was imported/);
    expect(again.error?.details).toEqual([expect.stringMatching(/held-out test set is frozen/)]);
    expect(await docCount(p.id)).toBe(12);
  });

  it("derives a seeded, stratified test and val split when the dataset has none", async () => {
    const p = await newProject();
    const dir = await tmp();
    await writeYoloDataset(dir, { perSplit: { train: 40, val: 0, test: 0 } });
    const { counts } = await importDir(p.id, dir);
    expect(counts).toMatchObject({ added: 40, testFromDataset: false });
    expect(counts!.test).toBeGreaterThanOrEqual(3);
    expect(counts!.test).toBeLessThanOrEqual(5);
    expect(counts!.val).toBeGreaterThanOrEqual(3);
    // same seed, same dataset -> same test membership in another project
    const q = await newProject();
    const again = await importDir(q.id, dir);
    const names = async (projectId: number) =>
      (await t.db().select({ s: documents.sourceName }).from(documents).where(and(eq(documents.projectId, projectId), eq(documents.origin, "anchor_test")))).map((r) => r.s).sort();
    expect(again.counts!.test).toBe(counts!.test);
    expect(await names(q.id)).toEqual(await names(p.id));
  });

  it("refuses a dataset whose class names differ from the project's", async () => {
    const p = await newProject(["header", "stamp", "total"]);
    const dir = await tmp();
    await writeYoloDataset(dir);
    const { error } = await importDir(p.id, dir);
    expect(error?.status).toBe(422);
    expect(error?.message).toMatch(/class names differ/);
    expect(await docCount(p.id)).toBe(0);
  });

  it.each([
    ["wrong column count", "0 0.5 0.5 0.2\n", /:1: expected 5 columns/],
    ["class out of range", "0 0.5 0.5 0.2 0.1\n3 0.5 0.5 0.2 0.1\n", /:2: class 3 is out of range/],
    ["coordinate outside [0,1]", "1 1.2 0.5 0.2 0.1\n", /:1: cx 1.2 is outside \[0, 1\]/],
    ["zero size", "1 0.5 0.5 0 0.1\n", /:1: box has zero width/],
    ["NaN", "1 0.5 NaN 0.2 0.1\n", /:1: cy "NaN" is not a number/],
  ])("reports a label with %s as file:line and imports nothing", async (_case, content, pattern) => {
    const p = await newProject();
    const dir = await tmp();
    await writeYoloDataset(dir);
    await writeFile(path.join(dir, "labels", "train", "train_3.txt"), content);
    await writeFile(path.join(dir, "labels", "val", "val_1.txt"), "x 0.5 0.5 0.1 0.1\n");
    const blobsBefore = await blobFiles();
    const { error, run } = await importDir(p.id, dir);
    expect(error?.status).toBe(422);
    const details = error!.details as string[];
    expect(details).toContainEqual(expect.stringMatching(new RegExp(`^labels/train/train_3\\.txt${pattern.source}`)));
    expect(details).toContainEqual("labels/val/val_1.txt:1: class \"x\" is not a whole number");
    expect(run.state).toBe("failed");
    expect(run.errors).toEqual(details);
    expect(await docCount(p.id)).toBe(0);
    expect(await blobFiles()).toEqual(blobsBefore);
  });

  it("refuses an undecodable or oversized image with its file name", async () => {
    const p = await newProject();
    const dir = await tmp();
    await writeYoloDataset(dir);
    await writeFile(path.join(dir, "images", "train", "train_1.png"), "not a png");
    await sharp({ create: { width: 10001, height: 10000, channels: 3, background: { r: 255, g: 255, b: 255 } } }).png({ compressionLevel: 1 }).toFile(path.join(dir, "images", "train", "huge.png"));
    const { error } = await importDir(p.id, dir);
    expect(error?.details).toEqual(
      expect.arrayContaining([
        "images/train/train_1.png: the file is not a decodable PNG, JPEG, WebP or TIFF image",
        expect.stringMatching(/^images\/train\/huge\.png: image is 10001x10000 pixels; the limit is 100,000,000 pixels/),
      ]),
    );
    expect(await docCount(p.id)).toBe(0);
  });

  it("ignores symlinks inside a dataset folder", async () => {
    const p = await newProject();
    const dir = await tmp();
    const outside = await tmp();
    await writeYoloDataset(dir);
    await writeFile(path.join(outside, "secret.png"), await pngImage(4242));
    await symlink(path.join(outside, "secret.png"), path.join(dir, "images", "train", "link.png"));
    const { counts } = await importDir(p.id, dir);
    expect(counts!.added).toBe(12);
  });
});

describe("COCO import", () => {
  it("converts pixel boxes and reports bad annotations by index", async () => {
    const p = await newProject();
    const dir = await tmp();
    await writeFile(path.join(dir, "a.png"), await pngImage(7001, 200, 100));
    await writeFile(path.join(dir, "b.png"), await pngImage(7002, 200, 100));
    const coco = {
      images: [
        { id: 1, file_name: "a.png", width: 200, height: 100 },
        { id: 2, file_name: "b.png", width: 200, height: 100 },
      ],
      annotations: [{ image_id: 1, category_id: 5, bbox: [20, 10, 100, 50] }],
      categories: [
        { id: 7, name: "total" },
        { id: 5, name: "header" },
      ],
    };
    await writeFile(path.join(dir, "instances.json"), JSON.stringify(coco));
    const { counts } = await importDir(p.id, dir);
    expect(counts).toMatchObject({ added: 2, boxes: 1 });
    const revs = await t.db().select().from(annotationRevisions).where(eq(annotationRevisions.projectId, p.id));
    expect(revs.flatMap((r) => r.boxes)).toEqual([{ cls: 0, cx: 0.35, cy: 0.35, w: 0.5, h: 0.5 }]);
    const [proj] = await t.db().select().from(projects).where(eq(projects.id, p.id));
    expect(proj!.classes).toEqual(["header", "total"]);

    const q = await newProject();
    coco.annotations.push({ image_id: 2, category_id: 9, bbox: [0, 0, 10, 10] }, { image_id: 2, category_id: 7, bbox: [150, 50, 100, 10] });
    await writeFile(path.join(dir, "instances.json"), JSON.stringify(coco));
    const { error } = await importDir(q.id, dir);
    expect(error?.details).toEqual(["instances.json: annotations[1]: unknown category_id 9", "instances.json: annotations[2]: bbox [150, 50, 100, 10] lies outside the 200x100 image"]);
    expect(await docCount(q.id)).toBe(0);
  });
});

describe("zip archives", () => {
  async function zipFile(entries: Parameters<typeof buildZip>[0]) {
    const dir = await tmp();
    const file = path.join(dir, "upload.zip");
    await writeFile(file, buildZip(entries));
    return file;
  }

  it("extracts a dataset and skips symlink entries", async () => {
    const file = await zipFile([
      { name: "ds/data.yaml", data: "train: images/train\nnames: [a]\n" },
      { name: "ds/images/train/x.png", data: await pngImage(9100) },
      { name: "ds/images/train/evil.png", data: "/etc/passwd", symlink: true },
    ]);
    const out = await tmp();
    const res = await extractZip(file, out);
    expect(res).toEqual({ files: 2, skippedLinks: ["ds/images/train/evil.png"] });
    expect(existsSync(path.join(out, "ds/images/train/evil.png"))).toBe(false);
  });

  it.each([
    ["a '..' path", "../evil.txt", /points outside the archive/],
    ["a nested '..' path", "ds/../../evil.txt", /points outside the archive/],
    ["an absolute path", "/tmp/evil.txt", /absolute path/],
  ])("refuses %s and writes nothing anywhere", async (_c, name, pattern) => {
    const file = await zipFile([
      { name: "ok.txt", data: "fine" },
      { name, data: "gotcha" },
    ]);
    const parent = await tmp();
    const out = path.join(parent, "out");
    await expect(extractZip(file, out)).rejects.toMatchObject({ status: 422, message: expect.stringMatching(pattern) });
    expect(await readdir(parent)).toEqual([]);
    expect(existsSync("/tmp/evil.txt")).toBe(false);
  });

  it("refuses a decompression bomb before writing", async () => {
    const file = await zipFile([{ name: "zeros.png", data: Buffer.alloc(30 * 1024 * 1024), deflate: true }]);
    const out = await tmp();
    await expect(extractZip(file, out)).rejects.toMatchObject({ message: expect.stringMatching(/decompression bomb/) });
    expect(await readdir(out)).toEqual([]);
  });

  it("refuses something that is not a zip", async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, "x.zip"), "hello");
    await expect(extractZip(path.join(dir, "x.zip"), dir)).rejects.toMatchObject({ status: 422 });
  });
});
