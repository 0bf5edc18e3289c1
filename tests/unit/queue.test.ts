import { describe, expect, it } from "vitest";
import { backoffSeconds } from "@/lib/queue";

describe("job retry backoff", () => {
  it("doubles per attempt within a jittered band and stops growing at the cap", () => {
    expect([1, 2, 3].map((a) => backoffSeconds(a, 0))).toEqual([15, 30, 60]);
    expect([1, 2, 3].map((a) => backoffSeconds(a, 0.999))).toEqual([30, 60, 120]);
    expect(backoffSeconds(20, 0.5)).toBe(675);
    expect(backoffSeconds(20, 0.999)).toBeLessThanOrEqual(900);
  });
});
