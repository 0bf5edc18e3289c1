import "server-only";
import { and, asc, count, eq, gt } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { annotationRevisions, blobs, documents } from "../schema";
import { AppError } from "../../lib/errors";
import type { Box } from "../../lib/boxes";
import { blobStore } from "../../lib/storage/blob-store";
import { MAX_IMAGE_BYTES, probeImage } from "../../lib/images";

export type DocumentOrigin = (typeof documents.$inferSelect)["origin"];

export type NewDocument = {
  projectId: number;
  image: Buffer;
  origin: DocumentOrigin;
  split?: "train" | "val" | "test" | null;
  sourceName?: string;
  externalId?: string;
  /** imported ground truth, stored as the document's first revision */
  labels?: Box[];
};

/**
 * Stores the image in the blob store, then records the document (and its imported labels) in
 * one transaction. The same image in the same project is the same document (content hash).
 */
export async function addDocument(db: Db, input: NewDocument) {
  const info = await probeImage(input.image);
  const blob = await blobStore().put(input.image, { maxBytes: MAX_IMAGE_BYTES });
  return db.transaction(async (tx) => {
    await tx
      .insert(blobs)
      .values({ sha256: blob.sha256, size: blob.size, contentType: info.contentType })
      .onConflictDoNothing();
    const [existing] = await tx
      .select({ id: documents.id, origin: documents.origin })
      .from(documents)
      .where(and(eq(documents.projectId, input.projectId), eq(documents.sha256, blob.sha256)));
    if (existing) return { id: existing.id, sha256: blob.sha256, created: false };
    const [doc] = await tx
      .insert(documents)
      .values({
        projectId: input.projectId,
        sha256: blob.sha256,
        width: info.width,
        height: info.height,
        origin: input.origin,
        split: input.split ?? (input.origin === "anchor_test" ? "test" : input.origin === "anchor_train" ? "train" : null),
        sourceName: input.sourceName,
        externalId: input.externalId,
      })
      .returning({ id: documents.id });
    if (input.labels) {
      await tx.insert(annotationRevisions).values({
        projectId: input.projectId,
        documentId: doc!.id,
        source: "import",
        boxes: input.labels,
      });
    }
    return { id: doc!.id, sha256: blob.sha256, created: true };
  });
}

export async function countDocumentsByOrigin(db: Db | Tx, projectId: number) {
  const rows = await db
    .select({ origin: documents.origin, split: documents.split, n: count() })
    .from(documents)
    .where(eq(documents.projectId, projectId))
    .groupBy(documents.origin, documents.split);
  return rows;
}

export async function listDocuments(
  db: Db | Tx,
  input: { projectId: number; origin?: DocumentOrigin; afterId?: number; limit: number },
) {
  return db
    .select({
      id: documents.id,
      sha256: documents.sha256,
      width: documents.width,
      height: documents.height,
      origin: documents.origin,
      split: documents.split,
      sourceName: documents.sourceName,
      createdAt: documents.createdAt,
    })
    .from(documents)
    .where(
      and(
        eq(documents.projectId, input.projectId),
        input.origin ? eq(documents.origin, input.origin) : undefined,
        input.afterId ? gt(documents.id, input.afterId) : undefined,
      ),
    )
    .orderBy(asc(documents.id))
    .limit(input.limit);
}

/** Scoped by project: a document of another project is simply not found. */
export async function getDocumentImage(db: Db | Tx, projectId: number, documentId: number) {
  const [row] = await db
    .select({ sha256: documents.sha256, contentType: blobs.contentType, size: blobs.size })
    .from(documents)
    .innerJoin(blobs, eq(blobs.sha256, documents.sha256))
    .where(and(eq(documents.projectId, projectId), eq(documents.id, documentId)));
  if (!row) throw new AppError("not_found", `document ${documentId} not found`);
  return row;
}
