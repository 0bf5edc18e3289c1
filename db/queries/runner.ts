import "server-only";
import { and, eq, max, or } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { blobs, datasetManifests, documents, jobArtifacts, modelVersions, projects, trainingJobs, type ModelLayer } from "../schema";
import { AppError } from "../../lib/errors";
import { recordAudit } from "./audit";
import { gateSets } from "./gate-sets";
import { manifestExportItems } from "./manifests";
import { productionModel } from "./models";

async function ownedJob(db: Db, projectId: number, jobId: number, runner: string) {
  const [job] = await db.select().from(trainingJobs).where(and(eq(trainingJobs.projectId, projectId), eq(trainingJobs.id, jobId)));
  if (!job) throw new AppError("not_found", `job ${jobId} not found`);
  if (job.leaseOwner !== runner || !["claimed", "running"].includes(job.state)) throw new AppError("conflict", `runner ${runner} does not hold the lease of job ${jobId}`);
  return job;
}

/** What a runner needs to build the job's dataset: recipe, classes, base weights, every item. */
export async function jobSpec(db: Db, input: { projectId: number; jobId: number; runner: string }) {
  const job = await ownedJob(db, input.projectId, input.jobId, input.runner);
  const [project] = await db.select({ classes: projects.classes }).from(projects).where(eq(projects.id, input.projectId));
  const [manifest] = await db.select().from(datasetManifests).where(eq(datasetManifests.id, job.manifestId));
  const [base] = job.baseModelId ? await db.select().from(modelVersions).where(eq(modelVersions.id, job.baseModelId)) : [];
  const items = [];
  for await (const it of manifestExportItems(db, job.manifestId)) items.push({ documentId: it.documentId, role: it.role, sha256: it.sha256, contentType: it.contentType, boxes: it.boxes });
  const production = await productionModel(db, input.projectId);
  return {
    job: { id: job.id, kind: job.kind, recipe: job.recipe, attempts: job.attempts },
    /** after training, the candidate and this model predict on the gate sets */
    production: production ? { id: production.id, name: production.name, weightsSha256: production.weightsSha256, imgsz: production.imgsz } : null,
    gateSets: await gateSets(db, manifest!),
    classes: project!.classes,
    manifest: { id: manifest!.id, seed: manifest!.seed, counts: manifest!.counts, contentSha256: manifest!.contentSha256 },
    base: base ? { id: base.id, name: base.name, weightsSha256: base.weightsSha256, architecture: base.architecture, imgsz: base.imgsz } : null,
    items,
  };
}

/** A runner may read a blob only if its project uses it (a page, a model's weights, an artifact). */
export async function runnerMayRead(db: Db, projectId: number, sha256: string): Promise<boolean> {
  const [doc] = await db.select({ id: documents.id }).from(documents).where(and(eq(documents.projectId, projectId), eq(documents.sha256, sha256))).limit(1);
  if (doc) return true;
  const [model] = await db.select({ id: modelVersions.id }).from(modelVersions).where(and(eq(modelVersions.projectId, projectId), or(eq(modelVersions.weightsSha256, sha256), eq(modelVersions.onnxSha256, sha256)))).limit(1);
  return !!model;
}

export async function recordArtifact(db: Db, input: { projectId: number; jobId: number; runner: string; name: string; sha256: string; size: number; contentType: string }) {
  await ownedJob(db, input.projectId, input.jobId, input.runner);
  await db.transaction(async (tx) => {
    await tx.insert(blobs).values({ sha256: input.sha256, size: input.size, contentType: input.contentType }).onConflictDoNothing();
    await tx
      .insert(jobArtifacts)
      .values({ jobId: input.jobId, name: input.name, sha256: input.sha256, size: input.size })
      .onConflictDoUpdate({ target: [jobArtifacts.jobId, jobArtifacts.name], set: { sha256: input.sha256, size: input.size } });
  });
}

/**
 * Registers the model a succeeded job produced, in the job's transaction: ft_vN.M from base_vN
 * (M = next minor of generation N) or base_v(N+1) for a retrain. The database re-checks
 * lineage and class names.
 */
export async function registerModelForJob(tx: Tx, job: typeof trainingJobs.$inferSelect, result: { metrics?: unknown; layers?: ModelLayer[] }) {
  const artifacts = await tx.select().from(jobArtifacts).where(eq(jobArtifacts.jobId, job.id));
  const weights = artifacts.find((a) => a.name === "best.pt");
  if (!weights) throw new AppError("invalid", `job ${job.id} has no best.pt artifact: upload the weights before completing`);
  const onnx = artifacts.find((a) => a.name === "model.onnx");
  const [project] = await tx.select({ classes: projects.classes }).from(projects).where(eq(projects.id, job.projectId));
  const recipe = job.recipe as { architecture?: string; imgsz?: number };
  let generation: number;
  let minor: number;
  let parentBaseId: number | null = null;
  if (job.kind === "finetune") {
    const [base] = await tx.select().from(modelVersions).where(eq(modelVersions.id, job.baseModelId!));
    generation = base!.generation;
    parentBaseId = base!.id;
    const [m] = await tx.select({ m: max(modelVersions.minor) }).from(modelVersions).where(and(eq(modelVersions.projectId, job.projectId), eq(modelVersions.generation, generation)));
    minor = (m?.m ?? 0) + 1;
  } else {
    const [g] = await tx.select({ g: max(modelVersions.generation) }).from(modelVersions).where(eq(modelVersions.projectId, job.projectId));
    generation = (g?.g ?? 0) + 1;
    minor = 0;
  }
  const [model] = await tx
    .insert(modelVersions)
    .values({
      projectId: job.projectId,
      kind: job.kind === "finetune" ? "finetune" : "base",
      generation,
      minor,
      name: job.kind === "finetune" ? `ft_v${generation}.${minor}` : `base_v${generation}`,
      parentBaseId,
      weightsSha256: weights.sha256,
      onnxSha256: onnx?.sha256 ?? null,
      architecture: recipe.architecture ?? "unknown",
      imgsz: recipe.imgsz ?? 640,
      classNames: project!.classes,
      recipe: job.recipe,
      manifestId: job.manifestId,
      trainingJobId: job.id,
      metrics: result.metrics ?? null,
      layers: result.layers ?? null,
    })
    .returning();
  await recordAudit(tx, { actor: null, projectId: job.projectId, action: "model.register", targetType: "model_version", targetId: model!.id, data: { name: model!.name, jobId: job.id } });
  return model!;
}

export async function jobArtifact(db: Db, projectId: number, jobId: number, name: string) {
  const [row] = await db
    .select({ jobId: jobArtifacts.jobId, name: jobArtifacts.name, sha256: jobArtifacts.sha256, size: jobArtifacts.size })
    .from(jobArtifacts)
    .innerJoin(trainingJobs, eq(trainingJobs.id, jobArtifacts.jobId))
    .where(and(eq(trainingJobs.projectId, projectId), eq(jobArtifacts.jobId, jobId), eq(jobArtifacts.name, name)));
  if (!row) throw new AppError("not_found", `job ${jobId} has no artifact ${name}`);
  return row;
}
