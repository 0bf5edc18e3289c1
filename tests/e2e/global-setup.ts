import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "../helpers/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/**
 * Builds nothing itself (npm test runs `next build` first): seeds a fresh PostgreSQL database
 * with a small demo, starts the production server on a free port, and hands tests its URL.
 */
export default async function setup(project: TestProject) {
  const root = path.join(import.meta.dirname, "../..");
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("no production build: run `npx next build` first (npm test does)");
  const database = await createTestDatabase("e2e");
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "fl-e2e-"));
  process.env.DATABASE_URL = database.url;
  process.env.FIELDLOOP_DATA_DIR = dataDir;
  const { getDb, closeDb } = await import("../../db/client");
  const { seedDemo } = await import("../../db/seed");
  await seedDemo(await getDb(), { anchorPages: 10, productionPages: 2, workDir: path.join(dataDir, "synth") });
  await closeDb();

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: database.url, FIELDLOOP_DATA_DIR: dataDir, AUTH_SECRET: randomBytes(32).toString("base64url"), NEXTAUTH_URL: baseUrl, FIELDLOOP_DEMO: "", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  server.stdout?.on("data", (d) => (log += d));
  server.stderr?.on("data", (d) => (log += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`app did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide("baseUrl", baseUrl);
  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    if (process.env.E2E_SERVER_LOG) console.log(log);
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
