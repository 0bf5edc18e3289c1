import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { cancelJob, claimNextJob, completeJob, enqueueTrainingJob, finishJobUnsuccessfully, heartbeatJob, returnJob, sweepExpiredLeases } from "@/db/queries/jobs";
import { createAnchorExportManifest } from "@/db/queries/manifests";
import { modelVersions, trainingJobs } from "@/db/schema";
import { withTestDatabase } from "../helpers/db";
import { errorOf } from "../helpers/errors";
import { makeAnchor, makeProject, makeUser } from "../helpers/fixtures";

const t = withTestDatabase("jobs");

async function queue(n: number, maxAttempts = 3) {
  const db = t.db();
  const p = await makeProject(db);
  const lead = await makeUser(db, p.id, ["ml_lead"]);
  await makeAnchor(db, p.id, { train: 2, val: 1 });
  const m = await createAnchorExportManifest(db, { projectId: p.id, actor: null });
  const jobs = [];
  for (let i = 0; i < n; i++) jobs.push(await enqueueTrainingJob(db, { projectId: p.id, actor: lead.actor, kind: "base_retrain", manifestId: m.id, baseModelId: null, recipe: { epochs: 1 }, maxAttempts }));
  return { db, p, lead, jobs };
}

const expireLease = (id: number) => t.db().update(trainingJobs).set({ leaseExpiresAt: sql`now() - interval '1 second'` }).where(eq(trainingJobs.id, id));

describe("training job queue", () => {
  it("gives one job to exactly one of several runners claiming at once", async () => {
    const { db, p } = await queue(1);
    const claims = await Promise.all(["r1", "r2", "r3", "r4"].map((runner) => claimNextJob(db, { projectId: p.id, runner, leaseSeconds: 60 })));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it("spreads many jobs over concurrent runners without double claims", async () => {
    const { db, p } = await queue(8);
    const got = (await Promise.all(Array.from({ length: 12 }, (_, i) => claimNextJob(db, { projectId: p.id, runner: `r${i % 3}`, leaseSeconds: 60 })))).filter(Boolean);
    expect(got).toHaveLength(8);
    expect(new Set(got.map((j) => j!.id)).size).toBe(8);
  });

  it("lets only the lease holder report, and completes idempotently", async () => {
    const { db, p } = await queue(1);
    const job = (await claimNextJob(db, { projectId: p.id, runner: "gpu-1", leaseSeconds: 60 }))!;
    expect((await errorOf(heartbeatJob(db, { projectId: p.id, jobId: job.id, runner: "gpu-2", leaseSeconds: 60 }))).status).toBe(409);
    const beat = await heartbeatJob(db, { projectId: p.id, jobId: job.id, runner: "gpu-1", leaseSeconds: 60, progress: { epoch: 1, of: 10 } });
    expect(beat).toMatchObject({ cancel: false, job: { state: "running", progress: { epoch: 1, of: 10 } } });
    const done = await completeJob(db, { projectId: p.id, jobId: job.id, runner: "gpu-1", registerModel: false });
    expect(done.state).toBe("succeeded");
    expect(await completeJob(db, { projectId: p.id, jobId: job.id, runner: "gpu-1", registerModel: false })).toEqual(done);
    expect((await errorOf(completeJob(db, { projectId: p.id, jobId: job.id, runner: "gpu-2" }))).status).toBe(409);
  });

  it("requeues a dead runner's job with backoff, hands it to another runner, and gives up after max attempts", async () => {
    const { db, p } = await queue(1, 2);
    const first = (await claimNextJob(db, { projectId: p.id, runner: "dies", leaseSeconds: 60 }))!;
    await expireLease(first.id);
    expect(await sweepExpiredLeases(db, { random: () => 0.5 })).toEqual([{ id: first.id, state: "queued", retryInSeconds: 23 }]);
    // not before its backoff
    expect(await claimNextJob(db, { projectId: p.id, runner: "alive", leaseSeconds: 60 })).toBeNull();
    await db.update(trainingJobs).set({ runAt: sql`now()` }).where(eq(trainingJobs.id, first.id));
    const second = (await claimNextJob(db, { projectId: p.id, runner: "alive", leaseSeconds: 60 }))!;
    expect(second).toMatchObject({ id: first.id, attempts: 2, leaseOwner: "alive" });
    // the dead runner coming back cannot report any more
    expect((await errorOf(heartbeatJob(db, { projectId: p.id, jobId: first.id, runner: "dies", leaseSeconds: 60 }))).status).toBe(409);
    await expireLease(first.id);
    expect(await sweepExpiredLeases(db)).toEqual([{ id: first.id, state: "failed", retryInSeconds: null }]);
  });

  it("returns a job on SIGTERM without counting the attempt", async () => {
    const { db, p } = await queue(1);
    const job = (await claimNextJob(db, { projectId: p.id, runner: "r", leaseSeconds: 60 }))!;
    const back = await returnJob(db, { projectId: p.id, jobId: job.id, runner: "r" });
    expect(back).toMatchObject({ state: "queued", attempts: 0, leaseOwner: null });
    expect((await claimNextJob(db, { projectId: p.id, runner: "r2", leaseSeconds: 60 }))!.id).toBe(job.id);
  });

  it("cancels a queued job at once and a running one through its heartbeat", async () => {
    const { db, p, lead } = await queue(2);
    const running = (await claimNextJob(db, { projectId: p.id, runner: "r", leaseSeconds: 60 }))!;
    const queued = (await db.select().from(trainingJobs).where(eq(trainingJobs.state, "queued"))).find((j) => j.projectId === p.id)!;
    expect((await cancelJob(db, { projectId: p.id, jobId: queued.id, actor: lead.actor })).state).toBe("canceled");
    await cancelJob(db, { projectId: p.id, jobId: running.id, actor: lead.actor });
    expect((await heartbeatJob(db, { projectId: p.id, jobId: running.id, runner: "r", leaseSeconds: 60 })).cancel).toBe(true);
    expect((await finishJobUnsuccessfully(db, { projectId: p.id, jobId: running.id, runner: "r", outcome: "canceled" })).state).toBe("canceled");
    expect((await errorOf(cancelJob(db, { projectId: p.id, jobId: running.id, actor: lead.actor }))).status).toBe(409);
  });
});

describe("runner protocol over HTTP", () => {
  it("claims, heartbeats with progress, and finishes through the route handlers with a runner token", async () => {
    const { NextRequest } = await import("next/server");
    const { createApiToken } = await import("@/db/queries/tokens");
    const claim = await import("@/app/api/v1/projects/[project]/runner/claim/route");
    const heartbeat = await import("@/app/api/v1/projects/[project]/runner/jobs/[id]/heartbeat/route");
    const finish = await import("@/app/api/v1/projects/[project]/runner/jobs/[id]/finish/route");
    const { db, p } = await queue(1);
    const admin = await makeUser(db, p.id, ["admin"]);
    const runner = (await createApiToken(db, { actor: admin.actor, projectId: p.id, kind: "runner", name: "gpu" })).token;
    const production = (await createApiToken(db, { actor: admin.actor, projectId: p.id, kind: "production", name: "svc" })).token;
    const call = async (handler: (r: InstanceType<typeof NextRequest>, c: { params: Promise<Record<string, string>> }) => Promise<Response>, path: string, body: unknown, params: Record<string, string>, token = runner) => {
      const res = await handler(new NextRequest(`http://test${path}`, { method: "POST", body: JSON.stringify(body), headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } }), { params: Promise.resolve({ project: p.slug, ...params }) });
      return { status: res.status, body: res.status === 204 ? null : await res.json() };
    };
    expect((await call(claim.POST, "/claim", { runner: "gpu-1" }, {}, production)).status).toBe(403);
    const got = await call(claim.POST, "/claim", { runner: "gpu-1", leaseSeconds: 60 }, {});
    expect(got.status).toBe(200);
    const id = String(got.body.job.id);
    expect((await call(claim.POST, "/claim", { runner: "gpu-2" }, {})).status).toBe(204);
    const beat = await call(heartbeat.POST, "/hb", { runner: "gpu-1", progress: { phase: "training", epoch: 3, epochs: 10, losses: { box: 1.2 } } }, { id });
    expect(beat).toEqual({ status: 200, body: { cancel: false, state: "running" } });
    expect((await call(heartbeat.POST, "/hb", { runner: "gpu-1", progress: { phase: "sleeping" } }, { id })).status).toBe(422);
    expect((await call(heartbeat.POST, "/hb", { runner: "gpu-2" }, { id })).status).toBe(409);
    // the job's spec, and its images by hash
    const specRoute = await import("@/app/api/v1/projects/[project]/runner/jobs/[id]/route");
    const blobRoute = await import("@/app/api/v1/projects/[project]/runner/blobs/[sha]/route");
    const artifactRoute = await import("@/app/api/v1/projects/[project]/runner/jobs/[id]/artifacts/[name]/route");
    const get = (handler: typeof specRoute.GET, url: string, params: Record<string, string>, tok = runner) =>
      handler(new NextRequest(`http://test${url}`, { headers: { authorization: `Bearer ${tok}` } }), { params: Promise.resolve({ project: p.slug, ...params }) });
    const spec = await (await get(specRoute.GET, `/spec?runner=gpu-1`, { id })).json();
    expect(spec).toMatchObject({ job: { kind: "base_retrain" }, classes: ["a", "b", "c"], base: null });
    expect(spec.items).toHaveLength(3);
    const img = await get(blobRoute.GET, "/b", { sha: spec.items[0].sha256 });
    expect(img.status).toBe(200);
    expect((await img.arrayBuffer()).byteLength).toBeGreaterThan(50);
    expect((await get(blobRoute.GET, "/b", { sha: "0".repeat(64) })).status).toBe(404);
    expect((await get(specRoute.GET, `/spec?runner=gpu-2`, { id })).status).toBe(409);

    // artifacts are verified by hash; the job cannot succeed without weights
    const weights = Buffer.from("not really a checkpoint, but bytes with a hash");
    const { createHash } = await import("node:crypto");
    const sha = createHash("sha256").update(weights).digest("hex");
    const put = (name: string, body: Buffer, hash: string) =>
      artifactRoute.PUT(new NextRequest(`http://test/a?runner=gpu-1&sha256=${hash}`, { method: "PUT", body: new Uint8Array(body), headers: { authorization: `Bearer ${runner}` } }), { params: Promise.resolve({ project: p.slug, id, name }) });
    expect((await call(finish.POST, "/finish", { runner: "gpu-1", outcome: "succeeded" }, { id })).status).toBe(422);
    expect((await put("best.pt", weights, "1".repeat(64))).status).toBe(422);
    expect((await put("../../etc", weights, sha)).status).toBe(422);
    expect((await put("best.pt", weights, sha)).status).toBe(201);
    const done = await call(finish.POST, "/finish", { runner: "gpu-1", outcome: "succeeded", metrics: { "metrics/mAP50(B)": 0.5 } }, { id });
    expect(done.body.job.state).toBe("succeeded");
    const [model] = await db.select().from(modelVersions).where(eq(modelVersions.id, done.body.job.resultModelId));
    expect(model).toMatchObject({ name: "base_v1", kind: "base", weightsSha256: sha, classNames: ["a", "b", "c"], metrics: { "metrics/mAP50(B)": 0.5 } });
    expect((await call(finish.POST, "/finish", { runner: "gpu-1", outcome: "succeeded" }, { id })).status).toBe(200);
  });
});
