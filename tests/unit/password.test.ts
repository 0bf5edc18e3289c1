import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { hashApiToken, newApiToken } from "@/lib/auth/tokens";

describe("password hashing", () => {
  it("verifies the right password only, with a fresh salt each time", async () => {
    const h1 = await hashPassword("s3cret phrase");
    const h2 = await hashPassword("s3cret phrase");
    expect(h1).not.toBe(h2);
    expect(await verifyPassword("s3cret phrase", h1)).toBe(true);
    expect(await verifyPassword("s3cret phrasE", h1)).toBe(false);
    expect(await verifyPassword("s3cret phrase", "garbage")).toBe(false);
  });

  it("makes unguessable API tokens and stores only their hash", () => {
    const t = newApiToken();
    expect(t.token).toMatch(/^flt_[A-Za-z0-9_-]{43}$/);
    expect(t.hash).toBe(hashApiToken(t.token));
    expect(t.hash).not.toContain(t.token.slice(4));
    expect(newApiToken().token).not.toBe(t.token);
  });
});
