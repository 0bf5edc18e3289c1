import { describe, expect, it } from "vitest";
import { scheduleSlot, triggerDecision } from "@/lib/triggers";

describe("scheduleSlot", () => {
  it("uses ISO weeks (the week belongs to the year of its Thursday) and calendar months, in UTC", () => {
    expect(scheduleSlot(new Date("2026-12-04T12:00:00Z"), "weekly")).toBe("2026-W49");
    expect(scheduleSlot(new Date("2026-12-06T23:59:59Z"), "weekly")).toBe("2026-W49"); // Sunday
    expect(scheduleSlot(new Date("2026-12-07T00:00:00Z"), "weekly")).toBe("2026-W50"); // Monday
    expect(scheduleSlot(new Date("2027-01-01T08:00:00Z"), "weekly")).toBe("2026-W53"); // Friday of 2026's last week
    expect(scheduleSlot(new Date("2025-12-29T08:00:00Z"), "weekly")).toBe("2026-W01");
    expect(scheduleSlot(new Date("2026-12-31T23:00:00Z"), "monthly")).toBe("2026-12");
    expect(scheduleSlot(new Date("2026-12-31T23:00:00Z"), "off")).toBeNull();
  });
});

describe("triggerDecision", () => {
  const ok = { source: "schedule" as const, enabled: true, newSamples: 50, minimum: 50, hasBase: true, activeJobId: null };
  it("queues at the minimum and logs why it did not otherwise", () => {
    expect(triggerDecision(ok)).toEqual({ queue: true, reason: "50 new verified samples" });
    expect(triggerDecision({ ...ok, newSamples: 49 })).toEqual({ queue: false, reason: "only 49 new verified samples; a fine-tune needs 50" });
    expect(triggerDecision({ ...ok, activeJobId: 7 }).reason).toBe("job 7 is already queued or running");
    expect(triggerDecision({ ...ok, enabled: false }).reason).toBe("scheduled fine-tune is off");
    expect(triggerDecision({ ...ok, hasBase: false }).queue).toBe(false);
  });
});
