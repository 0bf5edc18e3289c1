import { readdir } from "node:fs/promises";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addDocument, getDocumentImage } from "@/db/queries/documents";
import { annotationRevisions, blobs, documents } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { withTestDatabase } from "../helpers/db";
import { makeProject, pngImage } from "../helpers/fixtures";

const t = withTestDatabase("documents");

async function filesUnder(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return [];
  }
}

describe("documents and blobs", () => {
  it("stores an image once per project by content hash, with its labels as the first revision", async () => {
    const db = t.db();
    const project = await makeProject(db);
    const image = await pngImage(200, 120, 90);
    const a = await addDocument(db, { projectId: project.id, image, origin: "anchor_train", labels: [{ cls: 1, cx: 0.5, cy: 0.5, w: 0.5, h: 0.5 }] });
    const b = await addDocument(db, { projectId: project.id, image, origin: "anchor_train" });
    expect(a.created).toBe(true);
    expect(b).toEqual({ id: a.id, sha256: a.sha256, created: false });
    const [doc] = await db.select().from(documents).where(eq(documents.id, a.id));
    expect(doc).toMatchObject({ width: 120, height: 90, split: "train" });
    const revs = await db.select().from(annotationRevisions).where(eq(annotationRevisions.documentId, a.id));
    expect(revs).toHaveLength(1);
    expect(revs[0]!.source).toBe("import");
    expect(await getDocumentImage(db, project.id, a.id)).toMatchObject({ sha256: a.sha256, contentType: "image/png" });
    const other = await makeProject(db);
    await expect(getDocumentImage(db, other.id, a.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses an undecodable image with 422 and writes nothing", async () => {
    const db = t.db();
    const project = await makeProject(db);
    const [before] = await db.select({ n: count() }).from(blobs);
    const filesBefore = await filesUnder(path.join(t.dataDir(), "blobs"));
    const err = await addDocument(db, { projectId: project.id, image: Buffer.from("not an image at all"), origin: "production" }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(422);
    const [after] = await db.select({ n: count() }).from(blobs);
    expect(after!.n).toBe(before!.n);
    expect(await filesUnder(path.join(t.dataDir(), "blobs"))).toEqual(filesBefore);
  });
});
