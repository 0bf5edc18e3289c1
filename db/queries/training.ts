import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { projects } from "../schema";
import type { Actor } from "../../lib/auth/actor";
import { AppError } from "../../lib/errors";
import { updateProjectSetting } from "./projects";
import { recipeDefaultsSchema, resolveRecipe, type JobKind, type Recipe, type RecipeDefaults } from "../../lib/recipe";
import { enqueueTrainingJob } from "./jobs";
import { createBaseRetrainManifest, createFinetuneManifest, currentBase } from "./manifests";

export async function projectRecipeDefaults(db: Db, projectId: number): Promise<RecipeDefaults> {
  const [row] = await db.select({ settings: projects.settings }).from(projects).where(eq(projects.id, projectId));
  return recipeDefaultsSchema.catch({}).parse(row?.settings.recipe ?? {});
}

/** Replaces the project's recipe defaults (validated, audited with before/after). */
export async function updateRecipeDefaults(db: Db, input: { projectId: number; actor: Actor; defaults: RecipeDefaults }) {
  const defaults = recipeDefaultsSchema.parse(input.defaults);
  await updateProjectSetting(db, { projectId: input.projectId, actor: input.actor, key: "recipe", value: defaults, action: "project.update_recipe" });
  return defaults;
}

/**
 * "Fine-tune now" / "Retrain base" (and the automatic triggers): freezes the manifest and queues
 * the job. A fine-tune always starts from the current base, never from a fine-tune; fewer new
 * samples than the policy's minimum is refused (422) by the manifest.
 */
export async function queueTrainingJob(db: Db, input: { projectId: number; actor: Actor | null; kind: JobKind; overrides?: Partial<Recipe> }) {
  const base = await currentBase(db, input.projectId);
  if (input.kind === "finetune" && !base) throw new AppError("invalid", "there is no base model to fine-tune yet: train or register base_v1 first");
  const manifest = input.kind === "finetune" ? await createFinetuneManifest(db, input) : await createBaseRetrainManifest(db, input);
  const recipe = resolveRecipe({ kind: input.kind, projectDefaults: await projectRecipeDefaults(db, input.projectId), base, overrides: input.overrides, seed: manifest.seed });
  const job = await enqueueTrainingJob(db, { projectId: input.projectId, actor: input.actor, kind: input.kind, manifestId: manifest.id, baseModelId: input.kind === "finetune" ? base!.id : null, recipe });
  return { job, manifest };
}
