import "server-only";
import { randomInt } from "node:crypto";
import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { annotationRevisions, blobs, datasetManifests, documents, manifestItems, modelVersions, poolEntries, projects } from "../schema";
import type { Actor } from "../../lib/auth/actor";
import { AppError } from "../../lib/errors";
import { composeBaseRetrain, composeFinetune, manifestDigest, type ManifestItem, type Sample } from "../../lib/manifest";
import { effectivePolicy, planMix, type MixingPolicy } from "../../lib/mixing";
import { recordAudit } from "./audit";

/** What a manifest was computed from: ids only grow, so these bounds make it reproducible. */
export type ManifestBounds = { poolFrom: number; poolUpTo: number; documentUpTo: number; revisionUpTo: number };
type StoredPolicy = { mixing?: MixingPolicy; bounds: ManifestBounds; plan?: unknown };
type ManifestRow = typeof datasetManifests.$inferSelect;

export async function currentBase(db: Db | Tx, projectId: number) {
  const [row] = await db
    .select()
    .from(modelVersions)
    .where(and(eq(modelVersions.projectId, projectId), eq(modelVersions.kind, "base")))
    .orderBy(desc(modelVersions.generation))
    .limit(1);
  return row ?? null;
}

async function manifestById(db: Db | Tx, id: number | null | undefined): Promise<ManifestRow | null> {
  if (!id) return null;
  const [m] = await db.select().from(datasetManifests).where(eq(datasetManifests.id, id));
  return m ?? null;
}

async function currentBounds(db: Db | Tx, projectId: number, poolFrom: number): Promise<ManifestBounds> {
  const [r] = await db.execute<{ pool: number; doc: number; rev: number }>(sql`
    select coalesce((select max(id) from pool_entries where project_id = ${projectId}), 0)::int as pool,
           coalesce((select max(id) from documents where project_id = ${projectId}), 0)::int as doc,
           coalesce((select max(id) from annotation_revisions where project_id = ${projectId}), 0)::int as rev`).then((res) => res.rows);
  return { poolFrom, poolUpTo: r!.pool, documentUpTo: r!.doc, revisionUpTo: r!.rev };
}

/** The latest verified pool entry per document among entries in (poolFrom, poolUpTo]. */
async function poolSamples(db: Db | Tx, projectId: number, b: ManifestBounds): Promise<Sample[]> {
  const rows = await db
    .selectDistinctOn([poolEntries.documentId], { documentId: poolEntries.documentId, revisionId: poolEntries.revisionId })
    .from(poolEntries)
    .where(and(eq(poolEntries.projectId, projectId), gt(poolEntries.id, b.poolFrom), sql`${poolEntries.id} <= ${b.poolUpTo}`))
    .orderBy(asc(poolEntries.documentId), desc(poolEntries.id));
  return rows;
}

/** Anchor documents of a split with their latest revision as of the bounds. */
async function anchorSplit(db: Db | Tx, projectId: number, split: "train" | "val", b: ManifestBounds): Promise<Sample[]> {
  return db
    .selectDistinctOn([annotationRevisions.documentId], { documentId: annotationRevisions.documentId, revisionId: annotationRevisions.id })
    .from(annotationRevisions)
    .innerJoin(documents, eq(documents.id, annotationRevisions.documentId))
    .where(
      and(
        eq(documents.projectId, projectId),
        eq(documents.origin, "anchor_train"),
        eq(documents.split, split),
        sql`${documents.id} <= ${b.documentUpTo}`,
        sql`${annotationRevisions.id} <= ${b.revisionUpTo}`,
      ),
    )
    .orderBy(asc(annotationRevisions.documentId), desc(annotationRevisions.id));
}

/**
 * The current anchor: the anchor train split, or, after a base retrain, exactly what that base
 * was trained on (its manifest's new + old items).
 */
async function anchorSamples(db: Db | Tx, projectId: number, baseManifest: ManifestRow | null, b: ManifestBounds): Promise<Sample[]> {
  if (baseManifest?.kind === "base_retrain") {
    return db
      .select({ documentId: manifestItems.documentId, revisionId: manifestItems.revisionId })
      .from(manifestItems)
      .where(and(eq(manifestItems.manifestId, baseManifest.id), inArray(manifestItems.role, ["new", "old"])));
  }
  return anchorSplit(db, projectId, "train", b);
}

/** Pool samples accumulated since the current base was trained. */
function poolStartFor(baseManifest: ManifestRow | null): number {
  return baseManifest?.kind === "base_retrain" ? ((baseManifest.policy as StoredPolicy).bounds?.poolUpTo ?? 0) : 0;
}

async function projectPolicy(db: Db | Tx, projectId: number): Promise<MixingPolicy> {
  const [p] = await db.select({ settings: projects.settings }).from(projects).where(eq(projects.id, projectId));
  if (!p) throw new AppError("not_found", "project not found");
  return effectivePolicy(p.settings.mixing);
}

async function insertManifest(
  tx: Tx,
  input: { projectId: number; kind: ManifestRow["kind"]; baseModelId: number | null; generation: number | null; seed: number; policy: StoredPolicy; counts: unknown; items: ManifestItem[]; actor: Actor | null },
) {
  const [m] = await tx
    .insert(datasetManifests)
    .values({
      projectId: input.projectId,
      kind: input.kind,
      baseModelId: input.baseModelId,
      generation: input.generation,
      seed: input.seed,
      policy: input.policy,
      counts: input.counts,
      contentSha256: manifestDigest(input.items),
      createdBy: input.actor?.type === "user" ? input.actor.userId : null,
    })
    .returning();
  for (let i = 0; i < input.items.length; i += 1000) {
    await tx.insert(manifestItems).values(input.items.slice(i, i + 1000).map((it) => ({ manifestId: m!.id, ...it })));
  }
  await recordAudit(tx, { actor: input.actor, projectId: input.projectId, action: `manifest.create_${input.kind}`, targetType: "dataset_manifest", targetId: m!.id, data: { counts: input.counts, seed: input.seed } });
  return m!;
}

async function finetuneInputs(db: Db | Tx, projectId: number, bounds?: ManifestBounds) {
  const base = await currentBase(db, projectId);
  const baseManifest = await manifestById(db, base?.manifestId);
  const b = bounds ?? (await currentBounds(db, projectId, poolStartFor(baseManifest)));
  // one after another: inside a transaction these share one connection
  const pool = await poolSamples(db, projectId, b);
  const anchor = await anchorSamples(db, projectId, baseManifest, b);
  const val = await anchorSplit(db, projectId, "val", b);
  const policy = await projectPolicy(db, projectId);
  return { base, bounds: b, pool, anchor, val, policy };
}

/** Freezes a fine-tune manifest now; refused (422) under the policy's minimum of new samples. */
export async function createFinetuneManifest(db: Db, input: { projectId: number; actor: Actor | null; seed?: number }) {
  return db.transaction(async (tx) => {
    const f = await finetuneInputs(tx, input.projectId);
    const seed = input.seed ?? randomInt(1, 2 ** 31 - 1);
    const composed = composeFinetune({ pool: f.pool, anchor: f.anchor, val: f.val, policy: f.policy, seed });
    if (!composed.plan.allowed) {
      throw new AppError(
        "invalid",
        `a fine-tune needs at least ${f.policy.minimum} new verified samples since ${f.base?.name ?? "the anchor"}; the pool has ${f.pool.length}`,
      );
    }
    return insertManifest(tx, {
      projectId: input.projectId,
      kind: "finetune",
      baseModelId: f.base?.id ?? null,
      generation: f.base?.generation ?? null,
      seed,
      policy: { mixing: f.policy, bounds: f.bounds, plan: composed.plan },
      counts: composed.counts,
      items: composed.items,
      actor: input.actor,
    });
  });
}

/** The manifest for base_v(N+1): full anchor + all pool samples; allowed from baseRetrainAt. */
export async function createBaseRetrainManifest(db: Db | Tx, input: { projectId: number; actor: Actor | null; seed?: number }) {
  return db.transaction(async (tx) => {
    const base = await currentBase(tx, input.projectId);
    const baseManifest = await manifestById(tx, base?.manifestId);
    const bounds = await currentBounds(tx, input.projectId, 0);
    const policy = await projectPolicy(tx, input.projectId);
    const allPool = await poolSamples(tx, input.projectId, bounds);
    const anchor = await anchorSamples(tx, input.projectId, baseManifest, bounds);
    const val = await anchorSplit(tx, input.projectId, "val", bounds);
    // the first base trains on the anchor as it is; later retrains wait for the threshold
    if (base && allPool.length < policy.baseRetrainAt) {
      throw new AppError("invalid", `a base retrain needs ${policy.baseRetrainAt} accumulated pool samples; the pool has ${allPool.length}`);
    }
    const composed = composeBaseRetrain({ pool: allPool, anchor, val });
    return insertManifest(tx, {
      projectId: input.projectId,
      kind: "base_retrain",
      baseModelId: base?.id ?? null,
      generation: (base?.generation ?? 0) + 1,
      seed: input.seed ?? randomInt(1, 2 ** 31 - 1),
      policy: { bounds },
      counts: composed.counts,
      items: composed.items,
      actor: input.actor,
    });
  });
}

/** The anchor as it stands (train as "old", val as "val"), for export or a first base model. */
export async function createAnchorExportManifest(db: Db, input: { projectId: number; actor: Actor | null }) {
  return db.transaction(async (tx) => {
    const bounds = await currentBounds(tx, input.projectId, 0);
    const train = await anchorSplit(tx, input.projectId, "train", bounds);
    const val = await anchorSplit(tx, input.projectId, "val", bounds);
    if (!train.length) throw new AppError("invalid", "the project has no anchor training images yet: import a dataset first");
    const items: ManifestItem[] = [...train.map((s) => ({ ...s, role: "old" as const })), ...val.map((s) => ({ ...s, role: "val" as const }))].sort((a, b) => a.documentId - b.documentId);
    return insertManifest(tx, { projectId: input.projectId, kind: "export", baseModelId: null, generation: null, seed: 0, policy: { bounds }, counts: { old: train.length, val: val.length, new: 0, holdout: 0 }, items, actor: input.actor });
  });
}

/** Recomputes a fine-tune manifest from its recorded seed and bounds; true when identical. */
export async function verifyManifest(db: Db, projectId: number, id: number): Promise<boolean> {
  const m = await getManifest(db, projectId, id);
  if (m.kind !== "finetune") throw new AppError("invalid", "only fine-tune manifests are recomputed from a seed");
  const stored = m.policy as StoredPolicy;
  const f = await finetuneInputs(db, projectId, stored.bounds);
  const again = composeFinetune({ pool: f.pool, anchor: f.anchor, val: f.val, policy: stored.mixing ?? f.policy, seed: m.seed });
  return manifestDigest(again.items) === m.contentSha256;
}

export async function getManifest(db: Db | Tx, projectId: number, id: number) {
  const [m] = await db.select().from(datasetManifests).where(and(eq(datasetManifests.projectId, projectId), eq(datasetManifests.id, id)));
  if (!m) throw new AppError("not_found", `manifest ${id} not found`);
  return m;
}

export async function listManifests(db: Db, projectId: number) {
  return db.select().from(datasetManifests).where(eq(datasetManifests.projectId, projectId)).orderBy(desc(datasetManifests.id)).limit(50);
}

export type ExportItem = ManifestItem & { sha256: string; contentType: string; width: number; height: number; sourceName: string | null; boxes: { cls: number; cx: number; cy: number; w: number; h: number }[] };

/** Streams a manifest's items with everything an export needs, 500 at a time. */
export async function* manifestExportItems(db: Db, manifestId: number): AsyncGenerator<ExportItem> {
  let after = 0;
  for (;;) {
    const rows = await db
      .select({
        documentId: manifestItems.documentId,
        revisionId: manifestItems.revisionId,
        role: manifestItems.role,
        sha256: documents.sha256,
        contentType: blobs.contentType,
        width: documents.width,
        height: documents.height,
        sourceName: documents.sourceName,
        boxes: annotationRevisions.boxes,
      })
      .from(manifestItems)
      .innerJoin(documents, eq(documents.id, manifestItems.documentId))
      .innerJoin(blobs, eq(blobs.sha256, documents.sha256))
      .innerJoin(annotationRevisions, eq(annotationRevisions.id, manifestItems.revisionId))
      .where(and(eq(manifestItems.manifestId, manifestId), gt(manifestItems.documentId, after)))
      .orderBy(asc(manifestItems.documentId))
      .limit(500);
    if (!rows.length) return;
    for (const r of rows) yield r;
    after = rows[rows.length - 1]!.documentId;
  }
}

/**
 * What "Fine-tune now" and the triggers wait for: the current base, the policy, and the verified
 * samples added since the last fine-tune of that base (since the base itself when there is none).
 */
export async function finetuneReadiness(db: Db, projectId: number) {
  const base = await currentBase(db, projectId);
  const baseManifest = await manifestById(db, base?.manifestId);
  const policy = await projectPolicy(db, projectId);
  const [lastFt] = await db
    .select()
    .from(datasetManifests)
    .where(and(eq(datasetManifests.projectId, projectId), eq(datasetManifests.kind, "finetune"), base ? eq(datasetManifests.generation, base.generation) : sql`true`))
    .orderBy(desc(datasetManifests.id))
    .limit(1);
  const lastUpTo = lastFt ? ((lastFt.policy as StoredPolicy).bounds?.poolUpTo ?? 0) : poolStartFor(baseManifest);
  const [since] = await db.select({ n: sql<number>`count(distinct ${poolEntries.documentId})::int` }).from(poolEntries).where(and(eq(poolEntries.projectId, projectId), gt(poolEntries.id, lastUpTo)));
  return { base, policy, newSinceLastFinetune: since?.n ?? 0 };
}

/** "A fine-tune now would use N new + M old": the Training page's preview, without writing. */
export async function previewMix(db: Db, projectId: number) {
  const f = await finetuneInputs(db, projectId);
  const plan = planMix(f.pool.length, f.anchor.length, f.policy);
  const perClass = async (revisionIds: number[]) => {
    if (!revisionIds.length) return new Map<number, number>();
    const rows = await db.execute<{ cls: number; images: number }>(sql`
      select (b->>'cls')::int as cls, count(distinct r.document_id)::int as images
      from annotation_revisions r, jsonb_array_elements(r.boxes) b
      where r.id = any(${sql.raw(`array[${revisionIds.join(",")}]::int[]`)})
      group by 1`);
    return new Map(rows.rows.map((r) => [r.cls, r.images]));
  };
  const [newPer, anchorPer] = await Promise.all([perClass(f.pool.map((s) => s.revisionId)), perClass(f.anchor.map((s) => s.revisionId))]);
  const { newSinceLastFinetune } = await finetuneReadiness(db, projectId);
  const [{ n: poolTotal } = { n: 0 }] = await db.select({ n: sql<number>`count(distinct ${poolEntries.documentId})::int` }).from(poolEntries).where(eq(poolEntries.projectId, projectId));
  const [project] = await db.select({ classes: projects.classes }).from(projects).where(eq(projects.id, projectId));
  const scale = f.anchor.length ? plan.oldSamples / f.anchor.length : 0;
  const classes = project!.classes.map((name, cls) => ({
    name,
    newImages: newPer.get(cls) ?? 0,
    // old samples are drawn uniformly, so each class's expected share follows the anchor
    expectedOldImages: Math.round((anchorPer.get(cls) ?? 0) * scale),
  }));
  return {
    base: f.base ? { id: f.base.id, name: f.base.name } : null,
    policy: f.policy,
    plan,
    anchorSize: f.anchor.length,
    valSize: f.val.length,
    poolTotal,
    newSinceLastFinetune,
    classes,
    warnings: plan.newSamples > 0 ? classes.filter((c) => c.newImages === 0).map((c) => `no new samples of "${c.name}": this fine-tune cannot improve it`) : [],
  };
}
