import "server-only";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import { blobs, documents, failureReports, tasks } from "../schema";
import type { Actor } from "../../lib/auth/actor";
import { AppError } from "../../lib/errors";
import { resolvePredictions, type FailureMetadata } from "../../lib/failures";
import { MAX_IMAGE_BYTES, probeImage } from "../../lib/images";
import { blobStore } from "../../lib/storage/blob-store";
import { recordAudit } from "./audit";

export type FailureReceipt = { reportId: number; documentId: number; taskId: number | null; created: boolean };

async function existingReport(db: Db, projectId: number, where: { externalId?: string; sha256?: string; modelVersion?: string }): Promise<FailureReceipt | null> {
  const base = db
    .select({ reportId: failureReports.id, documentId: failureReports.documentId, taskId: tasks.id })
    .from(failureReports)
    .innerJoin(documents, eq(documents.id, failureReports.documentId))
    .leftJoin(tasks, eq(tasks.failureReportId, failureReports.id));
  const [row] = where.externalId
    ? await base.where(and(eq(failureReports.projectId, projectId), eq(failureReports.externalId, where.externalId)))
    : await base.where(and(eq(failureReports.projectId, projectId), eq(documents.sha256, where.sha256!), eq(failureReports.modelVersionLabel, where.modelVersion!)));
  return row ? { ...row, created: false } : null;
}

/**
 * Records a page a production system (or a person) says was not detected well, and queues it
 * for annotation. Idempotent: the same external id, or the same image with the same model
 * version, returns the existing report. Bad input changes nothing.
 */
export async function reportFailure(db: Db, input: { projectId: number; classes: readonly string[]; actor: Actor; image: Buffer; meta: FailureMetadata }): Promise<FailureReceipt> {
  const { predictions, expected, errors } = resolvePredictions(input.meta, input.classes);
  if (errors.length) throw new AppError("invalid", errors.join("; "), errors);
  if (input.meta.external_id) {
    const found = await existingReport(db, input.projectId, { externalId: input.meta.external_id });
    if (found) return found;
  }
  if (input.image.length > MAX_IMAGE_BYTES) throw new AppError("too_large", `image is ${input.image.length} bytes; the limit is ${MAX_IMAGE_BYTES}`);
  const info = await probeImage(input.image);
  const sha256 = createHash("sha256").update(input.image).digest("hex");
  const dup = await existingReport(db, input.projectId, { sha256, modelVersion: input.meta.model_version });
  if (dup) return dup;
  await blobStore().put(input.image, { maxBytes: MAX_IMAGE_BYTES, expectedSha256: sha256 });
  try {
    return await db.transaction(async (tx) => {
      await tx.insert(blobs).values({ sha256, size: input.image.length, contentType: info.contentType }).onConflictDoNothing();
      const [doc] = await tx.select().from(documents).where(and(eq(documents.projectId, input.projectId), eq(documents.sha256, sha256)));
      if (doc?.origin === "anchor_test") throw new AppError("conflict", "this image is in the frozen held-out test set; it cannot be annotated as a failure");
      const documentId =
        doc?.id ??
        (await tx.insert(documents).values({ projectId: input.projectId, sha256, width: info.width, height: info.height, origin: "failure_report", sourceName: input.meta.external_id ?? null, externalId: input.meta.external_id ?? null }).returning({ id: documents.id }))[0]!.id;
      const [report] = await tx
        .insert(failureReports)
        .values({
          projectId: input.projectId,
          documentId,
          externalId: input.meta.external_id ?? null,
          reportedByUserId: input.actor.type === "user" ? input.actor.userId : null,
          reportedByTokenId: input.actor.type === "token" ? input.actor.tokenId : null,
          modelVersionLabel: input.meta.model_version,
          predictions,
          expectedFields: expected.length ? expected : null,
          comment: input.meta.comment ?? null,
        })
        .returning({ id: failureReports.id });
      const [task] = await tx.insert(tasks).values({ projectId: input.projectId, documentId, failureReportId: report!.id, state: "open" }).returning({ id: tasks.id });
      await recordAudit(tx, { actor: input.actor, projectId: input.projectId, action: "failure.report", targetType: "failure_report", targetId: report!.id, data: { documentId, taskId: task!.id, predictions: predictions.length, modelVersion: input.meta.model_version } });
      return { reportId: report!.id, documentId, taskId: task!.id, created: true };
    });
  } catch (e) {
    // two identical reports at once: the unique external id lets one win; answer with it
    const code = (e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code;
    if (code === "23505" && input.meta.external_id) {
      const found = await existingReport(db, input.projectId, { externalId: input.meta.external_id });
      if (found) return found;
    }
    throw e;
  }
}
