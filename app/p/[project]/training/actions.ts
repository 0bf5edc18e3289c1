"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAnchorExportManifest, createBaseRetrainManifest, createFinetuneManifest } from "@/db/queries/manifests";
import { updateMixingPolicy } from "@/db/queries/projects";
import { projectAction } from "@/lib/actions";
import { mixingPolicySchema } from "@/lib/mixing";

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
