import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { annotationRevisions, blobs, datasetManifests, documents, manifestItems } from "../schema";
import type { Box } from "../../lib/boxes";
import { sampleWithoutReplacement } from "../../lib/sampling";
import type { ManifestBounds } from "./manifests";

/** Gate 3 compares the candidate with production on this many production documents. */
export const PRODUCTION_SAMPLE = 100;

export type GateImage = { documentId: number; sha256: string; contentType: string; boxes: Box[] | null; holdout?: boolean };
export type GateSets = { test: GateImage[]; failures: GateImage[]; production: GateImage[] };

/**
 * The images both models predict on after training, fixed by the job's manifest (its bounds and
 * seed), so every attempt of a job sees the same sets:
 * - test: the frozen held-out test split with its labels (Gate 1, mAP50);
 * - failures: this fine-tune's new failure documents with their verified labels, holdout marked
 *   (Gate 2, detection rate);
 * - production: a seeded sample of production documents, unlabeled (Gate 3, A/B).
 */
export async function gateSets(db: Db, manifest: typeof datasetManifests.$inferSelect): Promise<GateSets> {
  const b = (manifest.policy as { bounds: ManifestBounds }).bounds;
  const image = { documentId: documents.id, sha256: documents.sha256, contentType: blobs.contentType };
  const test = await db
    .selectDistinctOn([annotationRevisions.documentId], { ...image, boxes: annotationRevisions.boxes })
    .from(annotationRevisions)
    .innerJoin(documents, eq(documents.id, annotationRevisions.documentId))
    .innerJoin(blobs, eq(blobs.sha256, documents.sha256))
    .where(and(eq(documents.projectId, manifest.projectId), eq(documents.split, "test"), sql`${documents.id} <= ${b.documentUpTo}`, sql`${annotationRevisions.id} <= ${b.revisionUpTo}`))
    .orderBy(asc(annotationRevisions.documentId), desc(annotationRevisions.id));
  const failures = await db
    .select({ ...image, boxes: annotationRevisions.boxes, role: manifestItems.role })
    .from(manifestItems)
    .innerJoin(documents, eq(documents.id, manifestItems.documentId))
    .innerJoin(blobs, eq(blobs.sha256, documents.sha256))
    .innerJoin(annotationRevisions, eq(annotationRevisions.id, manifestItems.revisionId))
    .where(and(eq(manifestItems.manifestId, manifest.id), inArray(manifestItems.role, ["new", "holdout"]), eq(documents.origin, "failure_report")))
    .orderBy(asc(documents.id));
  const production = await db
    .select(image)
    .from(documents)
    .innerJoin(blobs, eq(blobs.sha256, documents.sha256))
    .where(and(eq(documents.projectId, manifest.projectId), eq(documents.origin, "production"), sql`${documents.id} <= ${b.documentUpTo}`))
    .orderBy(asc(documents.id));
  return {
    test,
    failures: failures.map(({ role, ...f }) => ({ ...f, holdout: role === "holdout" })),
    production: sampleWithoutReplacement(production, PRODUCTION_SAMPLE, manifest.seed, (d) => d.documentId)
      .sort((x, y) => x.documentId - y.documentId)
      .map((d) => ({ ...d, boxes: null })),
  };
}
