import { listTriggers, triggerSettings, updateTriggerSettings } from "@/db/queries/triggers";
import { readJson, route } from "@/lib/api/route";
import { triggerSettingsSchema } from "@/lib/triggers";

/** Trigger settings and the latest trigger decisions (queued or skipped, with the reason). */
export const GET = route("GET /api/v1/projects/[project]/triggers", async ({ db, access }) => ({ settings: await triggerSettings(db, access!.project.id), history: await listTriggers(db, access!.project.id) }));

/** Replaces the trigger settings (audited). */
export const PUT = route("PUT /api/v1/projects/[project]/triggers", async ({ req, db, actor, access }) => ({
  settings: await updateTriggerSettings(db, { projectId: access!.project.id, actor: actor!, settings: triggerSettingsSchema.parse(await readJson(req)) }),
}));
