import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "../data-dir";

/**
 * The session-signing secret. Outside demo mode it must be configured (AUTH_SECRET); in demo
 * mode (FIELDLOOP_DEMO=1) a random one is generated once and kept under ./data.
 */
export function authSecret(): string {
  const configured = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (configured) return configured;
  if (process.env.FIELDLOOP_DEMO !== "1") {
    throw new Error("AUTH_SECRET is not set. Set it (e.g. `openssl rand -base64 32`) or run `npm run demo`.");
  }
  const dir = dataDir();
  const file = path.join(dir, "demo-auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
