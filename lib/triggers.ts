import { z } from "zod";

/**
 * When fine-tunes start by themselves. Volume (default): "Fine-tune now" appears at >= minimum
 * new samples; `autoQueue` queues it at once. Schedule: once per week/month slot. Performance:
 * a monitoring alert queues one. All of them queue training only: deployment is never automatic.
 */
export const triggerSettingsSchema = z
  .object({
    autoQueue: z.boolean().default(false),
    schedule: z.enum(["off", "weekly", "monthly"]).default("off"),
    performance: z.boolean().default(false),
  })
  .strict();
export type TriggerSettings = z.infer<typeof triggerSettingsSchema>;
export type TriggerSource = "volume" | "schedule" | "performance";

/** The schedule slot `now` falls in (ISO week "2026-W49" or month "2026-12"), in UTC; one run per slot. */
export function scheduleSlot(now: Date, schedule: TriggerSettings["schedule"]): string | null {
  if (schedule === "off") return null;
  if (schedule === "monthly") return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  // ISO 8601 week: the week belongs to the year of its Thursday
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + 3 - ((d.getUTCDay() + 6) % 7));
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((d.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** Whether a trigger may queue a fine-tune now, and the reason logged either way. */
export function triggerDecision(input: { source: TriggerSource; enabled: boolean; newSamples: number; minimum: number; hasBase: boolean; activeJobId: number | null }): { queue: boolean; reason: string } {
  const what = { volume: "auto-queue", schedule: "scheduled fine-tune", performance: "performance trigger" }[input.source];
  if (!input.enabled) return { queue: false, reason: `${what} is off` };
  if (!input.hasBase) return { queue: false, reason: "there is no base model to fine-tune yet" };
  if (input.activeJobId !== null) return { queue: false, reason: `job ${input.activeJobId} is already queued or running` };
  if (input.newSamples < input.minimum) return { queue: false, reason: `only ${input.newSamples} new verified samples; a fine-tune needs ${input.minimum}` };
  return { queue: true, reason: `${input.newSamples} new verified samples` };
}
