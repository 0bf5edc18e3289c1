import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, dbMode, getDb } from "@/db/client";
import { DEMO_USERS, seedDemo } from "@/db/seed";
import { attemptLogin } from "@/db/queries/users";
import { authorizeProject } from "@/lib/auth/guard";
import { documents, modelVersions, tasks } from "@/db/schema";

// The embedded mode: same migrations and the same core flow as on the server, on PGlite.
let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "fl-pglite-"));
  delete process.env.DATABASE_URL;
  process.env.FIELDLOOP_DATA_DIR = dir;
});
afterAll(async () => {
  await closeDb();
  await rm(dir, { recursive: true, force: true });
});

describe("PGlite (embedded) mode", () => {
  it("migrates, seeds, logs in, authorizes and enforces invariants", async () => {
    const db = await getDb();
    expect(await dbMode()).toBe("pglite");
    const seeded = await seedDemo(db, { anchorPages: 12, productionPages: 2, failurePages: 3, workDir: path.join(dir, "synth") });
    expect(seeded.created).toBe(true);
    expect((await seedDemo(db, { anchorPages: 12, productionPages: 2, workDir: path.join(dir, "synth") })).created).toBe(false);
    const [docs] = await db.select({ n: count() }).from(documents);
    expect(docs!.n).toBe(19);
    // the reported failures wait in the annotators' queue
    expect((await db.select().from(tasks)).map((t) => t.state)).toEqual(["open", "open", "open"]);
    const admin = DEMO_USERS.find((u) => u.roles.includes("admin"))!;
    const login = await attemptLogin(db, { email: admin.email, password: admin.password, ip: "local" });
    expect(login.ok).toBe(true);
    if (!login.ok) return;
    const access = await authorizeProject(db, { type: "user", userId: login.user.id, email: admin.email, name: "" }, "demo", "admin.tokens");
    expect(access.roles).toEqual(["admin"]);
    const [base] = await db
      .insert(modelVersions)
      .values({ projectId: access.project.id, kind: "base", generation: 1, minor: 0, name: "base_v1", weightsSha256: "a".repeat(64), architecture: "yolov8n", imgsz: 320, classNames: access.project.classes, recipe: {} })
      .returning();
    await expect(db.delete(modelVersions).where(eq(modelVersions.id, base!.id))).rejects.toThrow();
    await expect(db.execute("TRUNCATE pool_entries CASCADE")).rejects.toThrow();
    expect(await db.select().from(modelVersions)).toHaveLength(1);
  });
});
