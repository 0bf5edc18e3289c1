import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { toErrorBody } from "@/lib/api/errors";
import { AppError } from "@/lib/errors";

describe("error mapping", () => {
  it("maps each error kind to one status with a message that says what is wrong", () => {
    expect(toErrorBody(new AppError("too_large", "file too big")).status).toBe(413);
    const zod = z.object({ limit: z.number() }).safeParse({ limit: "x" });
    const mapped = toErrorBody(zod.error);
    expect(mapped.status).toBe(422);
    expect(mapped.body.error.message).toMatch(/^limit: /);
    expect(toErrorBody({ code: "23505", constraint: "users_email_unique" }).status).toBe(409);
    expect(toErrorBody({ message: "wrapped", cause: { code: "P0001", message: "two-person rule: no" } }).body.error.message).toBe("two-person rule: no");
  });

  it("hides unexpected errors behind a generic 500", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(toErrorBody(new Error("secret detail"))).toEqual({ status: 500, body: { error: { code: "internal", message: "internal error" } } });
    spy.mockRestore();
  });
});
