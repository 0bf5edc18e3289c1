import { createHash, randomBytes } from "node:crypto";

/** API tokens are 32 random bytes; only their sha256 is stored, so a leaked DB leaks no tokens. */
export function newApiToken(): { token: string; prefix: string; hash: string } {
  const token = `flt_${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, 10), hash: hashApiToken(token) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
