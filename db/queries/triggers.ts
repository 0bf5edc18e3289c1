import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { projects, trainingJobs, trainingTriggers } from "../schema";
import type { Actor } from "../../lib/auth/actor";
import { AppError } from "../../lib/errors";
import { scheduleSlot, triggerDecision, triggerSettingsSchema, type TriggerSettings, type TriggerSource } from "../../lib/triggers";
import { recordAudit } from "./audit";
import { finetuneReadiness } from "./manifests";
import { updateProjectSetting } from "./projects";
import { queueTrainingJob } from "./training";

export async function triggerSettings(db: Db, projectId: number): Promise<TriggerSettings> {
  const [row] = await db.select({ settings: projects.settings }).from(projects).where(eq(projects.id, projectId));
  return triggerSettingsSchema.catch(triggerSettingsSchema.parse({})).parse(row?.settings.triggers ?? {});
}

/** Replaces the project's trigger settings (audited with before/after). */
export async function updateTriggerSettings(db: Db, input: { projectId: number; actor: Actor; settings: TriggerSettings }) {
  const settings = triggerSettingsSchema.parse(input.settings);
  await updateProjectSetting(db, { projectId: input.projectId, actor: input.actor, key: "triggers", value: settings, action: "project.update_triggers" });
  return settings;
}

export async function listTriggers(db: Db, projectId: number, limit = 20) {
  return db.select().from(trainingTriggers).where(eq(trainingTriggers.projectId, projectId)).orderBy(desc(trainingTriggers.id)).limit(limit);
}

/** The fine-tune already queued or running, if any: a trigger never queues a second one. */
async function activeFinetune(db: Db, projectId: number) {
  const [row] = await db
    .select({ id: trainingJobs.id })
    .from(trainingJobs)
    .where(and(eq(trainingJobs.projectId, projectId), eq(trainingJobs.kind, "finetune"), inArray(trainingJobs.state, ["queued", "claimed", "running"])))
    .limit(1);
  return row ?? null;
}

/**
 * One automatic trigger: queues a fine-tune when the rules allow it, else logs why not
 * (`onlyIfQueued`: no log row for a decision not to queue). A schedule slot is claimed by a
 * unique row before queuing, so concurrent ticks queue at most once.
 */
export async function fireTrigger(db: Db, input: { projectId: number; source: TriggerSource; slot?: string; alertId?: number; note?: string; onlyIfQueued?: boolean }) {
  const settings = await triggerSettings(db, input.projectId);
  const enabled = { volume: settings.autoQueue, schedule: settings.schedule !== "off", performance: settings.performance }[input.source];
  if (input.onlyIfQueued && !enabled) return null;
  const ready = await finetuneReadiness(db, input.projectId);
  const active = await activeFinetune(db, input.projectId);
  const decision = triggerDecision({ source: input.source, enabled, newSamples: ready.newSinceLastFinetune, minimum: ready.policy.minimum, hasBase: !!ready.base, activeJobId: active?.id ?? null });
  if (input.onlyIfQueued && !decision.queue) return null;
  const [row] = await db
    .insert(trainingTriggers)
    .values({ projectId: input.projectId, source: input.source, outcome: "pending", reason: "", slot: input.slot ?? null, alertId: input.alertId ?? null })
    .onConflictDoNothing()
    .returning();
  if (!row) return null; // this schedule slot was handled already
  let jobId: number | null = null;
  let reason = decision.reason;
  if (decision.queue) {
    try {
      jobId = (await queueTrainingJob(db, { projectId: input.projectId, actor: null, kind: "finetune" })).job.id;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      reason = `refused: ${e.message}`;
    }
  }
  if (input.note) reason = `${reason} (${input.note})`;
  const [done] = await db.update(trainingTriggers).set({ outcome: jobId ? "queued" : "skipped", reason, jobId }).where(eq(trainingTriggers.id, row.id)).returning();
  await recordAudit(db, { actor: null, projectId: input.projectId, action: `trigger.${input.source}`, targetType: "training_trigger", targetId: row.id, data: { outcome: done!.outcome, reason, jobId, slot: input.slot } });
  return done!;
}

/** The schedule, checked whenever a runner polls (runners poll every few seconds). */
export async function tickSchedule(db: Db, projectId: number, now = new Date()) {
  const settings = await triggerSettings(db, projectId);
  const slot = scheduleSlot(now, settings.schedule);
  if (!slot) return null;
  // the cheap check first: this runs on every claim, the decision once per slot
  const [seen] = await db.select({ id: trainingTriggers.id }).from(trainingTriggers).where(and(eq(trainingTriggers.projectId, projectId), eq(trainingTriggers.source, "schedule"), eq(trainingTriggers.slot, slot)));
  return seen ? null : fireTrigger(db, { projectId, source: "schedule", slot });
}

/**
 * After a sample enters the pool: the volume trigger when auto-queue is on. Only a queued job
 * is logged; one line per accepted sample below the minimum would bury the log.
 */
export async function afterPoolGrowth(db: Db, projectId: number) {
  return fireTrigger(db, { projectId, source: "volume", onlyIfQueued: true });
}
