import { describe, expect, it } from "vitest";
import { homeSection, visibleNav } from "@/lib/auth/permissions";

describe("role homes and navigation", () => {
  it("sends each role to its own home, the most senior role winning", () => {
    expect(homeSection(["annotator"])).toBe("annotate");
    expect(homeSection(["reviewer"])).toBe("review");
    expect(homeSection(["ml_lead", "reviewer"])).toBe("training");
    expect(homeSection(["annotator", "admin"])).toBe("admin");
  });

  it("shows an annotator only what they may open", () => {
    expect(visibleNav(["annotator"]).map((n) => n.label)).toEqual(["Annotate", "Pool", "Datasets"]);
    expect(visibleNav(["admin"]).map((n) => n.label)).toContain("Admin");
    expect(visibleNav(["ml_lead"]).map((n) => n.label)).not.toContain("Admin");
  });
});
