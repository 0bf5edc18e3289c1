"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAnchorExportManifest, createBaseRetrainManifest, createFinetuneManifest } from "@/db/queries/manifests";
import { updateMixingPolicy } from "@/db/queries/projects";
import { updateRecipeDefaults } from "@/db/queries/training";
import { updateTriggerSettings } from "@/db/queries/triggers";
import { projectAction } from "@/lib/actions";
import { mixingPolicySchema } from "@/lib/mixing";
import { recipeDefaultsSchema } from "@/lib/recipe";
import { triggerSettingsSchema } from "@/lib/triggers";

export const savePolicy = projectAction("training.trigger", z.object({ project: z.string(), policy: mixingPolicySchema }), async (input, { db, actor, access }) => {
  await updateMixingPolicy(db, { projectId: access.project.id, actor, policy: input.policy });
  revalidatePath(`/p/${access.project.slug}/training`);
  return null;
});

export const freezeManifest = projectAction(
  "training.trigger",
  z.object({ project: z.string(), kind: z.enum(["finetune", "base_retrain", "export"]) }),
  async (input, { db, actor, access }) => {
    const args = { projectId: access.project.id, actor };
    const m = input.kind === "finetune" ? await createFinetuneManifest(db, args) : input.kind === "base_retrain" ? await createBaseRetrainManifest(db, args) : await createAnchorExportManifest(db, args);
    revalidatePath(`/p/${access.project.slug}/training`);
    revalidatePath(`/p/${access.project.slug}/datasets`);
    return { id: m.id };
  },
);

export const saveRecipe = projectAction("training.trigger", z.object({ project: z.string(), defaults: recipeDefaultsSchema }), async (input, { db, actor, access }) => {
  await updateRecipeDefaults(db, { projectId: access.project.id, actor, defaults: input.defaults });
  revalidatePath(`/p/${access.project.slug}/training`);
  return null;
});

export const saveTriggers = projectAction("training.trigger", z.object({ project: z.string(), settings: triggerSettingsSchema }), async (input, { db, actor, access }) => {
  await updateTriggerSettings(db, { projectId: access.project.id, actor, settings: input.settings });
  revalidatePath(`/p/${access.project.slug}/training`);
  return null;
});
