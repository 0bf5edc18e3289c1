import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Db } from "./client";
import { createProject, findProjectBySlug } from "./queries/projects";
import { createUser, findUserIdByEmail, setProjectRoles } from "./queries/users";
import { addDocument } from "./queries/documents";
import { createImport, runImport } from "./queries/imports";
import { registerCommittedBase } from "./queries/models";
import { reportFailure } from "./queries/failures";
import { authenticateApiToken, createApiToken } from "./queries/tokens";
import { renderSynthPage } from "../lib/synth/dataset";
import { AppError } from "../lib/errors";
import type { Role } from "../lib/auth/permissions";
import { FIELD_CLASSES } from "../lib/synth/classes";
import { generateDataset } from "../lib/synth/dataset";

export const DEMO_PROJECT = { slug: "demo", name: "Demo invoices" };

/** Demo logins, one (or two) per role; printed by `npm run demo`. Demo mode only. */
export const DEMO_USERS: { email: string; name: string; password: string; roles: Role[] }[] = [
  { email: "annotator@fieldloop.local", name: "Ada Annotator", password: "annotate-demo", roles: ["annotator"] },
  { email: "annotator2@fieldloop.local", name: "Alan Annotator", password: "annotate-demo", roles: ["annotator"] },
  { email: "reviewer@fieldloop.local", name: "Rita Reviewer", password: "review-demo", roles: ["reviewer"] },
  { email: "lead@fieldloop.local", name: "Lena Lead", password: "lead-demo", roles: ["ml_lead", "reviewer"] },
  { email: "admin@fieldloop.local", name: "Adam Admin", password: "admin-demo", roles: ["admin"] },
];

/** What `npm run demo` seeds; the committed base_v1 was trained on exactly this anchor. */
export const DEMO_SEED_PAGES = { anchorPages: 1000, productionPages: 40, failurePages: 60, seed: 20261204 };
/** Where `npm run demo-model -- train-base` writes the committed demo base model. */
export const DEMO_MODEL_DIR = path.join(import.meta.dirname, "demo-model");

export type SeedOptions = {
  /** anchor pages (classic family), split ~80/10/10 into train/val/test */
  anchorPages: number;
  /** production documents of each family */
  productionPages: number;
  workDir: string;
  seed?: number;
  /** shifted pages the "production system" reports as failures: the annotators' first queue */
  failurePages?: number;
  /** "committed": register db/demo-model/base_v1 and put it in production (needs the demo anchor) */
  baseModel?: "committed" | "none";
  log?: (line: string) => void;
};

/** Production pages carry no labels: they are what the deployed model sees. */
async function addProductionPages(db: Db, projectId: number, dir: string): Promise<number> {
  const files = (await readdir(path.join(dir, "images", "train"))).sort();
  for (const f of files) {
    await addDocument(db, { projectId, image: await readFile(path.join(dir, "images", "train", f)), origin: "production", sourceName: f });
  }
  return files.length;
}

/** Idempotent: a database that already holds the demo project is left as it is. */
export async function seedDemo(db: Db, opts: SeedOptions): Promise<{ created: boolean }> {
  const log = opts.log ?? (() => {});
  if (await findProjectBySlug(db, DEMO_PROJECT.slug)) return { created: false };
  const seed = opts.seed ?? DEMO_SEED_PAGES.seed;
  const project = await createProject(db, { ...DEMO_PROJECT, classes: [...FIELD_CLASSES] });
  const system = { type: "user" as const, userId: 0, email: "seed", name: "seed" };
  const ids: Record<string, number> = {};
  for (const u of DEMO_USERS) {
    const id = (ids[u.email] = (await findUserIdByEmail(db, u.email)) ?? (await createUser(db, u)).id);
    await setProjectRoles(db, { actor: { ...system, userId: id }, projectId: project.id, userId: id, roles: u.roles });
  }
  const adminUser = DEMO_USERS.find((u) => u.roles.includes("admin"))!;
  const admin = { ...system, userId: ids[adminUser.email]!, email: adminUser.email, name: adminUser.name };
  log(`rendering ${opts.anchorPages} anchor pages`);
  const anchorDir = path.join(opts.workDir, "anchor");
  await generateDataset({ outDir: anchorDir, count: opts.anchorPages, seed, family: "classic" });
  // the same all-or-nothing importer a user's dataset goes through
  const run = await createImport(db, { projectId: project.id, source: "demo synthetic anchor", actor: null });
  const { added: anchor } = await runImport(db, { importId: run.id, projectId: project.id, dir: anchorDir, actor: null, seed });
  log(`rendering ${opts.productionPages} + ${opts.productionPages} production pages (classic + shifted)`);
  let production = 0;
  for (const family of ["classic", "shifted"] as const) {
    const dir = path.join(opts.workDir, `production-${family}`);
    // a different seed, so production pages are not copies of anchor pages
    await generateDataset({ outDir: dir, count: opts.productionPages, seed: seed + 1, family, fractions: { val: 0, test: 0 } });
    production += await addProductionPages(db, project.id, dir);
  }
  if (opts.failurePages) {
    const { token } = await createApiToken(db, { actor: admin, projectId: project.id, kind: "production", name: "demo production system" });
    const actor = (await authenticateApiToken(db, token))!;
    for (let i = 0; i < opts.failurePages; i++) {
      const page = renderSynthPage("shifted", seed + 2, i);
      await reportFailure(db, { projectId: project.id, classes: project.classes, actor, image: page.image, meta: { model_version: "base_v1", predictions: [], external_id: `demo-failure-${i}`, comment: "fields not found in production" } });
    }
    log(`reported ${opts.failurePages} shifted pages as production failures (open annotation tasks)`);
  }
  if (opts.baseModel === "committed") {
    try {
      const model = await registerCommittedBase(db, { projectId: project.id, classes: project.classes, dir: DEMO_MODEL_DIR, name: "base_v1", actor: admin });
      log(`registered the committed ${model.name} (${model.architecture} @ ${model.imgsz}) and put it in production`);
    } catch (e) {
      // the demo still works without it: "Train the first base model" is offered instead
      if (!(e instanceof AppError)) throw e;
      log(`not using the committed base_v1: ${e.message}`);
    }
  }
  log(`seeded project "${project.slug}": ${anchor} anchor documents, ${production} production documents`);
  return { created: true };
}
