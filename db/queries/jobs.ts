import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { jobArtifacts, trainingJobs, type ModelLayer } from "../schema";
import type { Actor } from "../../lib/auth/actor";
import { AppError } from "../../lib/errors";
import { backoffSeconds } from "../../lib/queue";
import { recordAudit } from "./audit";
import { registerModelForJob } from "./runner";

type Job = typeof trainingJobs.$inferSelect;

export async function enqueueTrainingJob(
  db: Db,
  input: { projectId: number; actor: Actor | null; kind: Job["kind"]; manifestId: number; baseModelId: number | null; recipe: Record<string, unknown>; maxAttempts?: number },
): Promise<Job> {
  return db.transaction(async (tx) => {
    const [job] = await tx
      .insert(trainingJobs)
      .values({ projectId: input.projectId, kind: input.kind, manifestId: input.manifestId, baseModelId: input.baseModelId, recipe: input.recipe, maxAttempts: input.maxAttempts ?? 3, createdBy: input.actor?.type === "user" ? input.actor.userId : null })
      .returning();
    await recordAudit(tx, { actor: input.actor, projectId: input.projectId, action: "job.enqueue", targetType: "training_job", targetId: job!.id, data: { kind: input.kind, manifestId: input.manifestId } });
    return job!;
  });
}

/**
 * Claims the oldest runnable job of the project in one statement (FOR UPDATE SKIP LOCKED), so
 * any number of runners share the queue and a job is never claimed twice.
 */
export async function claimNextJob(db: Db, input: { projectId: number; runner: string; leaseSeconds: number }): Promise<Job | null> {
  const res = await db.execute<{ id: number }>(sql`
    with next as (
      select id from training_jobs
      where project_id = ${input.projectId} and state = 'queued' and run_at <= now() and not cancel_requested
      order by run_at, id
      limit 1
      for update skip locked
    )
    update training_jobs t
    set state = 'claimed', lease_owner = ${input.runner}, lease_expires_at = now() + make_interval(secs => ${input.leaseSeconds}),
        heartbeat_at = now(), attempts = t.attempts + 1, started_at = coalesce(t.started_at, now()), updated_at = now()
    from next where t.id = next.id
    returning t.id`);
  const id = res.rows[0]?.id;
  if (!id) return null;
  const [job] = await db.select().from(trainingJobs).where(eq(trainingJobs.id, id));
  await recordAudit(db, { actor: null, projectId: input.projectId, action: "job.claim", targetType: "training_job", targetId: id, data: { runner: input.runner, attempt: job!.attempts } });
  return job!;
}

/** Only the lease holder may report; anyone else (a runner whose lease expired) gets 409. */
async function ownedUpdate(db: Db, input: { projectId: number; jobId: number; runner: string }, set: Record<string, unknown>, states: Job["state"][]) {
  const [job] = await db
    .update(trainingJobs)
    .set({ ...set, updatedAt: sql`now()` })
    .where(and(eq(trainingJobs.projectId, input.projectId), eq(trainingJobs.id, input.jobId), eq(trainingJobs.leaseOwner, input.runner), inArray(trainingJobs.state, states)))
    .returning();
  if (!job) throw new AppError("conflict", `runner ${input.runner} does not hold the lease of job ${input.jobId}`);
  return job;
}

/** Extends the lease and stores progress; the answer tells the runner whether to stop. */
export async function heartbeatJob(db: Db, input: { projectId: number; jobId: number; runner: string; leaseSeconds: number; progress?: unknown }) {
  const job = await ownedUpdate(
    db,
    input,
    { state: "running", heartbeatAt: sql`now()`, leaseExpiresAt: sql`now() + make_interval(secs => ${input.leaseSeconds})`, ...(input.progress === undefined ? {} : { progress: input.progress }) },
    ["claimed", "running"],
  );
  return { cancel: job.cancelRequested, job };
}

/**
 * Idempotent: completing a job this runner already completed returns it unchanged. Registers
 * the resulting model version (from the uploaded best.pt) in the same transaction.
 */
export async function completeJob(db: Db, input: { projectId: number; jobId: number; runner: string; metrics?: unknown; layers?: ModelLayer[]; trainSeconds?: number; registerModel?: boolean }) {
  const [done] = await db.select().from(trainingJobs).where(and(eq(trainingJobs.projectId, input.projectId), eq(trainingJobs.id, input.jobId)));
  if (done?.state === "succeeded" && done.leaseOwner === input.runner) return done;
  return db.transaction(async (tx) => {
    const [job] = await tx
      .select()
      .from(trainingJobs)
      .where(and(eq(trainingJobs.projectId, input.projectId), eq(trainingJobs.id, input.jobId), eq(trainingJobs.leaseOwner, input.runner), inArray(trainingJobs.state, ["claimed", "running"])))
      .for("update");
    if (!job) throw new AppError("conflict", `runner ${input.runner} does not hold the lease of job ${input.jobId}`);
    const model = input.registerModel === false ? null : await registerModelForJob(tx, job, { metrics: input.metrics, layers: input.layers });
    const [updated] = await tx
      .update(trainingJobs)
      .set({
        state: "succeeded",
        finishedAt: sql`now()`,
        leaseExpiresAt: null,
        resultModelId: model?.id ?? null,
        updatedAt: sql`now()`,
        // time inside Ultralytics, beside the job's wall time (runner overhead)
        ...(input.trainSeconds === undefined ? {} : { progress: { ...(job.progress as object | null), phase: "done", trainSeconds: input.trainSeconds } }),
      })
      .where(eq(trainingJobs.id, job.id))
      .returning();
    await recordAudit(tx, { actor: null, projectId: input.projectId, action: "job.succeed", targetType: "training_job", targetId: job.id, data: { runner: input.runner, model: model?.name ?? null } });
    return updated!;
  });
}

/** A runner's own failure, or its acknowledgment of a cancel. */
export async function finishJobUnsuccessfully(db: Db, input: { projectId: number; jobId: number; runner: string; outcome: "failed" | "canceled"; error?: string }) {
  const job = await ownedUpdate(db, input, { state: input.outcome, error: input.error ?? null, finishedAt: sql`now()`, leaseExpiresAt: null }, ["claimed", "running"]);
  await recordAudit(db, { actor: null, projectId: input.projectId, action: `job.${input.outcome === "failed" ? "fail" : "cancel_ack"}`, targetType: "training_job", targetId: job.id, data: { runner: input.runner, error: input.error } });
  return job;
}

/** SIGTERM on the runner: the job goes back to the queue at once and the attempt is not counted. */
export async function returnJob(db: Db, input: { projectId: number; jobId: number; runner: string }) {
  const job = await ownedUpdate(db, input, { state: "queued", leaseOwner: null, leaseExpiresAt: null, attempts: sql`greatest(${trainingJobs.attempts} - 1, 0)`, runAt: sql`now()` }, ["claimed", "running"]);
  await recordAudit(db, { actor: null, projectId: input.projectId, action: "job.return", targetType: "training_job", targetId: job.id, data: { runner: input.runner } });
  return job;
}

/**
 * Jobs whose runner stopped heartbeating: requeued with capped, jittered backoff, or failed once
 * they used up their attempts. Safe to run from any number of processes.
 */
export async function sweepExpiredLeases(db: Db, opts: { random?: () => number; backoffBase?: number } = {}) {
  const random = opts.random ?? Math.random;
  return db.transaction(async (tx) => {
    const expired = await tx
      .select()
      .from(trainingJobs)
      .where(and(inArray(trainingJobs.state, ["claimed", "running"]), sql`${trainingJobs.leaseExpiresAt} < now()`))
      .for("update", { skipLocked: true });
    const out: { id: number; state: Job["state"]; retryInSeconds: number | null }[] = [];
    for (const job of expired) {
      const exhausted = job.attempts >= job.maxAttempts;
      const delay = exhausted ? null : backoffSeconds(job.attempts, random(), opts.backoffBase);
      await tx
        .update(trainingJobs)
        .set(
          exhausted
            ? { state: "failed", error: `the runner stopped responding ${job.attempts} times; giving up`, leaseExpiresAt: null, finishedAt: sql`now()`, updatedAt: sql`now()` }
            : { state: "queued", leaseOwner: null, leaseExpiresAt: null, runAt: sql`now() + make_interval(secs => ${delay})`, updatedAt: sql`now()` },
        )
        .where(eq(trainingJobs.id, job.id));
      await recordAudit(tx, { actor: null, projectId: job.projectId, action: exhausted ? "job.fail" : "job.requeue", targetType: "training_job", targetId: job.id, data: { previousRunner: job.leaseOwner, attempts: job.attempts, retryInSeconds: delay } });
      out.push({ id: job.id, state: exhausted ? "failed" : "queued", retryInSeconds: delay });
    }
    return out;
  });
}

/** A queued job is canceled at once; a running one is flagged and its runner stops at the next heartbeat. */
export async function cancelJob(db: Db, input: { projectId: number; jobId: number; actor: Actor }) {
  return db.transaction(async (tx) => {
    const [job] = await tx.select().from(trainingJobs).where(and(eq(trainingJobs.projectId, input.projectId), eq(trainingJobs.id, input.jobId))).for("update");
    if (!job) throw new AppError("not_found", `job ${input.jobId} not found`);
    if (!["queued", "claimed", "running"].includes(job.state)) throw new AppError("conflict", `job ${job.id} is already ${job.state}`);
    const set = job.state === "queued" ? { state: "canceled" as const, finishedAt: sql`now()`, cancelRequested: true } : { cancelRequested: true };
    const [updated] = await tx.update(trainingJobs).set({ ...set, updatedAt: sql`now()` }).where(eq(trainingJobs.id, job.id)).returning();
    await recordAudit(tx, { actor: input.actor, projectId: input.projectId, action: "job.cancel", targetType: "training_job", targetId: job.id, data: { was: job.state } });
    return updated!;
  });
}

/** The latest jobs, each with the names and sizes of the files its runner uploaded. */
export async function listJobs(db: Db, projectId: number) {
  const jobs = await db.select().from(trainingJobs).where(eq(trainingJobs.projectId, projectId)).orderBy(desc(trainingJobs.id)).limit(50);
  const files = jobs.length ? await db.select({ jobId: jobArtifacts.jobId, name: jobArtifacts.name, size: jobArtifacts.size }).from(jobArtifacts).where(inArray(jobArtifacts.jobId, jobs.map((j) => j.id))) : [];
  return jobs.map((j) => ({ ...j, artifacts: files.filter((f) => f.jobId === j.id).map(({ name, size }) => ({ name, size })) }));
}
