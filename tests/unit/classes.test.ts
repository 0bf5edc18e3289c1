import { describe, expect, it } from "vitest";
import { assertSameClasses, classListMismatch } from "@/lib/classes";

describe("class list check", () => {
  it("accepts the same names in the same order only", () => {
    expect(classListMismatch(["a", "b"], ["a", "b"])).toBeNull();
    expect(classListMismatch(["a", "b"], ["b", "a"])).toBe('class 0 is "b" in the model but "a" in the project');
    expect(classListMismatch(["a", "b"], ["a"])).toMatch(/the model has 1 classes, the project 2/);
    expect(() => assertSameClasses(["a"], ["A"])).toThrow(/must match the project's, in order/);
  });
});
