"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { reportFailure } from "@/db/queries/failures";
import { correctSubmission, reviewTask, saveDraft, skipTask, submitTask } from "@/db/queries/tasks";
import { afterPoolGrowth } from "@/db/queries/triggers";
import { projectAction } from "@/lib/actions";
import { boxSchema } from "@/lib/boxes";
import { failureMetadataSchema } from "@/lib/failures";
import { AppError } from "@/lib/errors";

const boxes = z.array(boxSchema).max(20_000);
const prediction = z.object({ cls: z.number().int().min(0), cx: z.number(), cy: z.number(), w: z.number(), h: z.number(), conf: z.number() });
const base = { project: z.string(), taskId: z.number().int().positive(), version: z.number().int().positive() };

export const autosaveTask = projectAction("annotation.edit", z.object({ ...base, draft: z.object({ boxes, pending: z.array(prediction).max(20_000) }) }), async (input, { db, actor, access }) => {
  const t = await saveDraft(db, { projectId: access.project.id, actor, taskId: input.taskId, version: input.version, draft: input.draft });
  return { version: t.version };
});

export const submitAnnotation = projectAction("annotation.edit", z.object({ ...base, boxes }), async (input, { db, actor, access }) => {
  const t = await submitTask(db, { projectId: access.project.id, actor, taskId: input.taskId, version: input.version, boxes: input.boxes });
  revalidatePath(`/p/${access.project.slug}/annotate`);
  return { version: t.version };
});

export const skipAnnotation = projectAction("annotation.edit", z.object({ ...base, reason: z.string().trim().min(1, "say why you skip it").max(500) }), async (input, { db, actor, access }) => {
  const t = await skipTask(db, { projectId: access.project.id, actor, taskId: input.taskId, version: input.version, reason: input.reason });
  revalidatePath(`/p/${access.project.slug}/annotate`);
  return { version: t.version };
});

const pin = z.union([z.object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) }), z.object({ boxIndex: z.number().int().min(0) })]);

export const decideReview = projectAction(
  "review.decide",
  z.object({ ...base, decision: z.enum(["accept", "reject"]), comment: z.string().trim().max(2000).optional(), pin: pin.optional() }),
  async (input, { db, actor, access }) => {
    const r = await reviewTask(db, { projectId: access.project.id, actor, taskId: input.taskId, version: input.version, decision: input.decision, comment: input.comment, pin: input.pin });
    if (r.poolEntryId) await afterPoolGrowth(db, access.project.id); // auto-queue, when the project turned it on
    revalidatePath(`/p/${access.project.slug}/review`);
    revalidatePath(`/p/${access.project.slug}/pool`);
    return { version: r.task.version, poolEntryId: r.poolEntryId };
  },
);

export const correctReview = projectAction("review.decide", z.object({ ...base, boxes }), async (input, { db, actor, access }) => {
  const t = await correctSubmission(db, { projectId: access.project.id, actor, taskId: input.taskId, version: input.version, boxes: input.boxes });
  revalidatePath(`/p/${access.project.slug}/review`);
  return { version: t.version };
});

/** A person reports a failed page from the app: same checks and task as the API. */
export const uploadFailure = projectAction(
  "annotation.edit",
  z.object({ project: z.string(), imageBase64: z.string().min(1).max(40_000_000), fileName: z.string().max(300), comment: z.string().trim().max(5000).optional() }),
  async (input, { db, actor, access }) => {
    const image = Buffer.from(input.imageBase64, "base64");
    if (!image.length) throw new AppError("invalid", "the file is empty");
    const meta = failureMetadataSchema.parse({ model_version: "reported in app", predictions: [], comment: input.comment || undefined });
    const receipt = await reportFailure(db, { projectId: access.project.id, classes: access.project.classes, actor, image, meta });
    revalidatePath(`/p/${access.project.slug}/annotate`);
    return receipt;
  },
);
