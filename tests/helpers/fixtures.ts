import sharp from "sharp";
import type { Db } from "@/db/client";
import { addDocument } from "@/db/queries/documents";
import { createProject } from "@/db/queries/projects";
import { createUser, setProjectRoles } from "@/db/queries/users";
import type { Role } from "@/lib/auth/permissions";

let counter = 0;

/** A small real PNG; `variant` changes the pixels and so the content hash. */
export async function pngImage(variant: number, width = 64, height = 80): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3, 200 + (variant % 50));
  raw.writeUInt32BE(variant >>> 0, 0); // the first pixels spell the variant: distinct content, distinct hash
  return sharp(raw, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

export async function makeProject(db: Db, classes = ["a", "b", "c"]) {
  counter++;
  return createProject(db, { slug: `p${counter}-${Date.now() % 100000}`, name: `Project ${counter}`, classes });
}

export async function makeUser(db: Db, projectId: number, roles: Role[], password = "correct horse battery") {
  counter++;
  const user = await createUser(db, { email: `u${counter}-${Date.now()}@test.local`, name: `User ${counter}`, password });
  const actor = { type: "user" as const, userId: user.id, email: user.email, name: user.name };
  await setProjectRoles(db, { actor, projectId, userId: user.id, roles });
  return { ...user, actor, password };
}

export async function makeDocument(db: Db, projectId: number, origin: "anchor_train" | "anchor_test" | "production" = "production") {
  counter++;
  return addDocument(db, {
    projectId,
    image: await pngImage(counter),
    origin,
    labels: [{ cls: 0, cx: 0.5, cy: 0.5, w: 0.2, h: 0.1 }],
  });
}

/** n documents, each with a human revision that a second person accepted into the pool. */
export async function makePoolSamples(db: Db, projectId: number, n: number, boxes = [{ cls: 1, cx: 0.5, cy: 0.5, w: 0.2, h: 0.1 }]) {
  const { annotationRevisions, poolEntries, reviews, tasks } = await import("@/db/schema");
  const annotator = await makeUser(db, projectId, ["annotator"]);
  const reviewer = await makeUser(db, projectId, ["reviewer"]);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    const doc = await addDocument(db, { projectId, image: await pngImage(50_000 + ++counter), origin: "production" });
    const [rev] = await db.insert(annotationRevisions).values({ projectId, documentId: doc.id, source: "human", authorId: annotator.id, boxes }).returning();
    const [task] = await db.insert(tasks).values({ projectId, documentId: doc.id, currentRevisionId: rev!.id, state: "accepted" }).returning();
    const [review] = await db.insert(reviews).values({ projectId, taskId: task!.id, revisionId: rev!.id, reviewerId: reviewer.id, decision: "accept" }).returning();
    await db.insert(poolEntries).values({ projectId, documentId: doc.id, revisionId: rev!.id, reviewId: review!.id });
    ids.push(doc.id);
  }
  return ids;
}

/** Anchor documents with imported labels: `train` in the train split, `val` and `test` likewise. */
export async function makeAnchor(db: Db, projectId: number, counts: { train: number; val?: number; test?: number }) {
  for (const [split, n] of Object.entries({ val: 0, test: 0, ...counts })) {
    for (let i = 0; i < n; i++) {
      await addDocument(db, {
        projectId,
        image: await pngImage(90_000 + ++counter),
        origin: split === "test" ? "anchor_test" : "anchor_train",
        split: split as "train" | "val" | "test",
        labels: [{ cls: i % 3, cx: 0.5, cy: 0.5, w: 0.3, h: 0.2 }],
      });
    }
  }
}
