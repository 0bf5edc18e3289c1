import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { blobs, deployments, modelVersions, type ModelLayer } from "../schema";
import type { Actor } from "../../lib/auth/actor";
import { AppError } from "../../lib/errors";
import { blobStore, type StoredBlob } from "../../lib/storage/blob-store";
import { recordAudit } from "./audit";
import { createBaseRetrainManifest } from "./manifests";

export async function listModelVersions(db: Db, projectId: number) {
  return db
    .select({
      id: modelVersions.id,
      name: modelVersions.name,
      kind: modelVersions.kind,
      generation: modelVersions.generation,
      minor: modelVersions.minor,
      parentBaseId: modelVersions.parentBaseId,
      weightsSha256: modelVersions.weightsSha256,
      onnxSha256: modelVersions.onnxSha256,
      architecture: modelVersions.architecture,
      imgsz: modelVersions.imgsz,
      metrics: modelVersions.metrics,
      layers: modelVersions.layers,
      recipe: modelVersions.recipe,
      trainingJobId: modelVersions.trainingJobId,
      createdAt: modelVersions.createdAt,
    })
    .from(modelVersions)
    .where(eq(modelVersions.projectId, projectId))
    .orderBy(desc(modelVersions.generation), desc(modelVersions.minor));
}

/** The model production serves: the latest deployment row (promote or rollback). */
export async function productionModel(db: Db, projectId: number) {
  const [row] = await db
    .select({ model: modelVersions })
    .from(deployments)
    .innerJoin(modelVersions, eq(modelVersions.id, deployments.modelVersionId))
    .where(eq(deployments.projectId, projectId))
    .orderBy(desc(deployments.id))
    .limit(1);
  return row?.model ?? null;
}

export type CommittedModel = {
  name: string;
  architecture: string;
  imgsz: number;
  weightsSha256: string;
  onnxSha256: string;
  recipe: Record<string, unknown> & { seed: number };
  metrics: Record<string, number> | null;
  layers: ModelLayer[] | null;
  manifestSha256?: string;
};

/**
 * Registers a base model trained elsewhere (the demo's committed base_v1, written by
 * `npm run demo-model -- train-base`) as the project's first base and puts it in production.
 * Its manifest is the anchor it was trained on, frozen with the recorded seed.
 */
export async function registerCommittedBase(db: Db, input: { projectId: number; classes: string[]; dir: string; name: string; actor: Actor & { type: "user" } }) {
  const meta = JSON.parse(await readFile(path.join(input.dir, `${input.name}.json`), "utf8")) as CommittedModel;
  const store = blobStore();
  // files are content-addressed (a rerun reuses them); each must hash to what the json says
  const stored: StoredBlob[] = [];
  for (const [file, sha256] of [[`${input.name}.pt`, meta.weightsSha256], [`${input.name}.onnx`, meta.onnxSha256]] as const) {
    stored.push(await store.put(await readFile(path.join(input.dir, file)), { maxBytes: 1 << 30, expectedSha256: sha256 }));
  }
  // one transaction: a refused model leaves no manifest or blob rows behind
  return db.transaction(async (tx) => {
    for (const b of stored) await tx.insert(blobs).values({ sha256: b.sha256, size: b.size, contentType: "application/octet-stream" }).onConflictDoNothing();
    const manifest = await createBaseRetrainManifest(tx, { projectId: input.projectId, actor: input.actor, seed: meta.recipe.seed });
    if (meta.manifestSha256 && meta.manifestSha256 !== manifest.contentSha256) {
      throw new AppError("conflict", `${input.name} was trained on other anchor data (manifest ${meta.manifestSha256}, this project has ${manifest.contentSha256})`);
    }
    const [model] = await tx
      .insert(modelVersions)
      .values({ projectId: input.projectId, kind: "base", generation: 1, minor: 0, name: meta.name, weightsSha256: meta.weightsSha256, onnxSha256: meta.onnxSha256, architecture: meta.architecture, imgsz: meta.imgsz, classNames: input.classes, recipe: meta.recipe, manifestId: manifest.id, metrics: meta.metrics, layers: meta.layers })
      .returning();
    await tx.insert(deployments).values({ projectId: input.projectId, modelVersionId: model!.id, action: "promote", actorId: input.actor.userId, reason: `committed ${meta.name} (${path.basename(input.dir)})` });
    await recordAudit(tx, { actor: input.actor, projectId: input.projectId, action: "model.register_committed", targetType: "model_version", targetId: model!.id, data: { name: meta.name, weightsSha256: meta.weightsSha256 } });
    return model!;
  });
}
