import { z } from "zod";
import { fireTrigger } from "@/db/queries/triggers";
import { readJson, route } from "@/lib/api/route";

const body = z.object({ alertId: z.number().int().positive().optional(), reason: z.string().trim().min(1).max(500) }).strict();

/**
 * A monitoring alert asks for a fine-tune. It is queued when the performance trigger is on and
 * the rules allow it (base, >= minimum new samples, none running); otherwise the skip and its
 * reason are logged. 201 with the trigger row either way.
 */
export const POST = route("POST /api/v1/projects/[project]/triggers/performance", async ({ req, db, access }) => {
  const input = body.parse(await readJson(req));
  const trigger = await fireTrigger(db, { projectId: access!.project.id, source: "performance", alertId: input.alertId, note: input.reason });
  return Response.json({ trigger }, { status: 201 });
});
