import { previewMix } from "@/db/queries/manifests";
import { updateMixingPolicy } from "@/db/queries/projects";
import { readJson, route } from "@/lib/api/route";
import { mixingPolicySchema } from "@/lib/mixing";

/** The mix a fine-tune would use now, with the policy in force. */
export const GET = route("GET /api/v1/projects/[project]/mixing", async ({ db, access }) => previewMix(db, access!.project.id));

/** Replaces the project's mixing policy (audited). */
export const PUT = route("PUT /api/v1/projects/[project]/mixing", async ({ req, db, actor, access }) => {
  const policy = mixingPolicySchema.parse(await readJson(req));
  await updateMixingPolicy(db, { projectId: access!.project.id, actor: actor!, policy });
  return previewMix(db, access!.project.id);
});
