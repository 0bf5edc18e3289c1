import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { modelVersions } from "../schema";

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
      trainingJobId: modelVersions.trainingJobId,
      createdAt: modelVersions.createdAt,
    })
    .from(modelVersions)
    .where(eq(modelVersions.projectId, projectId))
    .orderBy(desc(modelVersions.generation), desc(modelVersions.minor));
}
