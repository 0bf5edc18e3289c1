import { currentBase } from "@/db/queries/manifests";
import { projectRecipeDefaults, updateRecipeDefaults } from "@/db/queries/training";
import { readJson, route } from "@/lib/api/route";
import { freezePlan, recipeDefaultsSchema, resolveRecipe } from "@/lib/recipe";

/** The project's recipe defaults, what the next fine-tune would run with, and what `freeze` freezes. */
export const GET = route("GET /api/v1/projects/[project]/recipe", async ({ db, access }) => {
  const projectId = access!.project.id;
  const [defaults, base] = [await projectRecipeDefaults(db, projectId), await currentBase(db, projectId)];
  const finetune = resolveRecipe({ kind: "finetune", projectDefaults: defaults, base, seed: 0 });
  return { defaults, effective: { finetune, base_retrain: resolveRecipe({ kind: "base_retrain", projectDefaults: defaults, base, seed: 0 }) }, freeze: base ? freezePlan(base.layers ?? [], finetune.freeze) : null };
});

/** Replaces the project's recipe defaults (audited). */
export const PUT = route("PUT /api/v1/projects/[project]/recipe", async ({ req, db, actor, access }) => {
  const defaults = await updateRecipeDefaults(db, { projectId: access!.project.id, actor: actor!, defaults: recipeDefaultsSchema.parse(await readJson(req)) });
  return { defaults };
});
