import "server-only";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { annotationRevisions, blobs, datasetImports, documents, projects } from "../schema";
import type { Actor } from "../../lib/auth/actor";
import { AppError } from "../../lib/errors";
import { MAX_IMAGE_BYTES, probeImage } from "../../lib/images";
import { stratifiedPick } from "../../lib/sampling";
import { scanDataset, type ScannedImage, type Split } from "../../lib/datasets/scan";
import { blobStore } from "../../lib/storage/blob-store";
import { recordAudit } from "./audit";

const MAX_STORED_ERRORS = 1000;
const BATCH = 500;

export type ImportProgress = { phase: string; processed: number; total: number };

export async function createImport(db: Db, input: { projectId: number; source: string; actor: Actor | null }) {
  // a run whose process died keeps state "running"; after 10 quiet minutes call it what it is
  await db
    .update(datasetImports)
    .set({ state: "failed", phase: "interrupted", errors: ["interrupted: the server stopped during the import; nothing was added"], finishedAt: sql`now()` })
    .where(and(eq(datasetImports.state, "running"), lt(datasetImports.updatedAt, sql`now() - interval '10 minutes'`)));
  const [row] = await db
    .insert(datasetImports)
    .values({ projectId: input.projectId, source: input.source, createdBy: input.actor?.type === "user" ? input.actor.userId : null })
    .returning();
  return row!;
}

export async function listImports(db: Db, projectId: number) {
  return db.select().from(datasetImports).where(eq(datasetImports.projectId, projectId)).orderBy(desc(datasetImports.id)).limit(20);
}

export async function getImport(db: Db, projectId: number, id: number) {
  const [row] = await db.select().from(datasetImports).where(and(eq(datasetImports.projectId, projectId), eq(datasetImports.id, id)));
  if (!row) throw new AppError("not_found", `import ${id} not found`);
  return row;
}

async function mapLimit<T>(items: readonly T[], limit: number, fn: (t: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

type Checked = ScannedImage & { sha256: string; width: number; height: number; contentType: string; finalSplit: Split; bytes?: number };

/**
 * Imports an anchor dataset folder (YOLO or COCO) into a project, all or nothing: every label
 * and image is checked first and all problems are reported together; images then stream into
 * the blob store (content-addressed, so a rerun after a crash skips what is there); documents
 * and labels are written in one transaction at the end.
 */
export async function runImport(
  db: Db,
  input: { importId: number; projectId: number; dir: string; actor: Actor | null; seed?: number; onProgress?: (p: ImportProgress) => void },
) {
  let last = 0;
  const progress = async (phase: string, processed: number, total: number, force = false) => {
    input.onProgress?.({ phase, processed, total });
    if (!force && Date.now() - last < 300) return;
    last = Date.now();
    await db.update(datasetImports).set({ phase, processed, total, updatedAt: sql`now()` }).where(eq(datasetImports.id, input.importId));
  };
  try {
    await progress("scanning", 0, 0, true);
    const scanned = await scanDataset(input.dir);
    await db.update(datasetImports).set({ format: scanned.format }).where(eq(datasetImports.id, input.importId));
    const [project] = await db.select().from(projects).where(eq(projects.id, input.projectId));
    if (!project) throw new AppError("not_found", "project not found");
    if (project.classes.length && project.classes.join("\u0000") !== scanned.names.join("\u0000")) {
      throw new AppError("invalid", `class names differ: the project has [${project.classes.join(", ")}], the dataset has [${scanned.names.join(", ")}] (same names in the same order are required)`);
    }
    const errors = [...scanned.errors];

    // pass 1: hash and probe every image (nothing is written yet)
    const checked: (Checked | null)[] = new Array(scanned.images.length).fill(null);
    let done = 0;
    await mapLimit(scanned.images, 4, async (img, i) => {
      const bytes = await readFile(img.file);
      if (bytes.length > MAX_IMAGE_BYTES) {
        errors.push(`${img.rel}: ${bytes.length} bytes is over the ${MAX_IMAGE_BYTES}-byte limit`);
      } else {
        try {
          const info = await probeImage(bytes);
          if (img.size && (img.size.width !== info.width || img.size.height !== info.height)) {
            errors.push(`${img.rel}: the annotation file says ${img.size.width}x${img.size.height}, the image is ${info.width}x${info.height}`);
          }
          const sha256 = createHash("sha256").update(bytes).digest("hex");
          checked[i] = { ...img, ...info, sha256, finalSplit: img.split ?? "train" };
        } catch (e) {
          errors.push(`${img.rel}: ${(e as Error).message}`);
        }
      }
      await progress("checking images", ++done, scanned.images.length);
    });

    // duplicates: within the dataset, and against what the project already holds
    const bySha = new Map<string, Checked>();
    const unique: Checked[] = [];
    for (const c of checked) {
      if (!c) continue;
      const seen = bySha.get(c.sha256);
      if (!seen) {
        bySha.set(c.sha256, c);
        unique.push(c);
      } else if ((seen.split === "test") !== (c.split === "test")) {
        errors.push(`${c.rel}: same image as ${seen.rel}, in another split (a test image may not also be trained on)`);
      }
    }
    const existing = new Map<string, string>();
    for (let i = 0; i < unique.length; i += BATCH) {
      const shas = unique.slice(i, i + BATCH).map((c) => c.sha256);
      const rows = await db.select({ sha256: documents.sha256, origin: documents.origin }).from(documents).where(and(eq(documents.projectId, input.projectId), inArray(documents.sha256, shas)));
      for (const r of rows) existing.set(r.sha256, r.origin);
    }
    const [testCount] = await db.select({ n: sql<number>`count(*)::int` }).from(documents).where(and(eq(documents.projectId, input.projectId), eq(documents.origin, "anchor_test")));
    const frozenTest = (testCount?.n ?? 0) > 0;
    const hasTest = unique.some((c) => c.split === "test");
    if (frozenTest && hasTest) {
      errors.push(`the project's held-out test set is frozen (${testCount!.n} images); this dataset's test split cannot be added: remove it, or import into a new project`);
    }
    for (const c of unique) {
      const origin = existing.get(c.sha256);
      if (origin && origin !== "anchor_train" && origin !== "anchor_test") errors.push(`${c.rel}: this image is already in the project as a ${origin} document`);
      else if (origin && (origin === "anchor_test") !== (c.split === "test")) {
        errors.push(`${c.rel}: this image is already in the project's ${origin === "anchor_test" ? "held-out test set" : "training data"}; the test set is frozen`);
      }
    }
    if (errors.length) {
      throw new AppError("invalid", `${errors.length} problem(s) in the dataset; nothing was imported`, errors);
    }

    const fresh = unique.filter((c) => !existing.has(c.sha256));
    const seed = input.seed ?? 1;
    const classesOf = (c: Checked) => c.boxes.map((b) => b.cls);
    const key = (c: Checked) => parseInt(c.sha256.slice(0, 12), 16);
    let derivedTest = 0;
    let derivedVal = 0;
    if (!hasTest && !frozenTest) {
      for (const c of stratifiedPick(fresh, 0.1, seed, classesOf, key)) {
        c.finalSplit = "test";
        derivedTest++;
      }
    }
    if (!unique.some((c) => c.split === "val")) {
      const trainPool = fresh.filter((c) => c.finalSplit === "train");
      for (const c of stratifiedPick(trainPool, 0.1, seed + 1, classesOf, key)) {
        c.finalSplit = "val";
        derivedVal++;
      }
    }

    // pass 2: stream images into the blob store
    done = 0;
    await mapLimit(fresh, 4, async (c) => {
      c.bytes = (await blobStore().put(createReadStream(c.file), { maxBytes: MAX_IMAGE_BYTES, expectedSha256: c.sha256 })).size;
      await progress("storing images", ++done, fresh.length);
    });

    await progress("writing", fresh.length, fresh.length, true);
    const counts = {
      images: scanned.images.length,
      added: fresh.length,
      alreadyPresent: unique.length - fresh.length,
      duplicatesInDataset: checked.filter(Boolean).length - unique.length,
      train: fresh.filter((c) => c.finalSplit === "train").length,
      val: fresh.filter((c) => c.finalSplit === "val").length,
      test: fresh.filter((c) => c.finalSplit === "test").length,
      testFromDataset: hasTest,
      derivedTest,
      derivedVal,
      boxes: fresh.reduce((a, c) => a + c.boxes.length, 0),
      seed,
    };
    await db.transaction(async (tx) => {
      // one import at a time per project: the class list and test set are decided here
      const [locked] = await tx.select().from(projects).where(eq(projects.id, input.projectId)).for("update");
      if (!locked!.classes.length) {
        await tx.update(projects).set({ classes: scanned.names }).where(eq(projects.id, input.projectId));
      } else if (locked!.classes.join("\u0000") !== scanned.names.join("\u0000")) {
        throw new AppError("conflict", "the project's class list changed during the import");
      }
      if (counts.test > 0) {
        const [t] = await tx.select({ n: sql<number>`count(*)::int` }).from(documents).where(and(eq(documents.projectId, input.projectId), eq(documents.origin, "anchor_test")));
        if ((t?.n ?? 0) > 0) throw new AppError("conflict", "another import created the held-out test set meanwhile");
      }
      for (let i = 0; i < fresh.length; i += BATCH) {
        const batch = fresh.slice(i, i + BATCH);
        await tx.insert(blobs).values(batch.map((c) => ({ sha256: c.sha256, size: c.bytes!, contentType: c.contentType }))).onConflictDoNothing();
        const docs = await tx
          .insert(documents)
          .values(
            batch.map((c) => ({
              projectId: input.projectId,
              sha256: c.sha256,
              width: c.width,
              height: c.height,
              origin: c.finalSplit === "test" ? ("anchor_test" as const) : ("anchor_train" as const),
              split: c.finalSplit,
              sourceName: c.rel,
            })),
          )
          .returning({ id: documents.id, sha256: documents.sha256 });
        const idBySha = new Map(docs.map((d) => [d.sha256, d.id]));
        await tx.insert(annotationRevisions).values(batch.map((c) => ({ projectId: input.projectId, documentId: idBySha.get(c.sha256)!, source: "import" as const, boxes: c.boxes })));
      }
      await tx.update(datasetImports).set({ state: "succeeded", phase: "done", processed: fresh.length, total: fresh.length, counts, finishedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(datasetImports.id, input.importId));
      await recordAudit(tx, { actor: input.actor, projectId: input.projectId, action: "dataset.import", targetType: "dataset_import", targetId: input.importId, data: counts });
    });
    input.onProgress?.({ phase: "done", processed: fresh.length, total: fresh.length });
    return counts;
  } catch (e) {
    await markImportFailed(db, input.importId, e);
    throw e;
  }
}

/** Records why an import failed: every file:line problem, or one message. Idempotent. */
export async function markImportFailed(db: Db, importId: number, e: unknown) {
  const details = e instanceof AppError && Array.isArray(e.details) ? (e.details as string[]) : [];
  const message = e instanceof AppError ? e.message : "the import failed unexpectedly; nothing was added";
  if (!(e instanceof AppError)) console.error(e);
  const stored = details.length ? details.slice(0, MAX_STORED_ERRORS) : [message];
  if (details.length > MAX_STORED_ERRORS) stored.push(`… and ${details.length - MAX_STORED_ERRORS} more`);
  await db
    .update(datasetImports)
    .set({ state: "failed", phase: "failed", errors: stored, finishedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(datasetImports.id, importId), eq(datasetImports.state, "running")));
}
