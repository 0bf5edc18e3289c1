import sharp from "sharp";
import type { Db } from "@/db/client";
import { addDocument } from "@/db/queries/documents";
import { createProject } from "@/db/queries/projects";
import { createUser, setProjectRoles } from "@/db/queries/users";
import type { Role } from "@/lib/auth/permissions";

let counter = 0;

/** A small real PNG; `variant` changes the pixels and so the content hash. */
export async function pngImage(variant: number, width = 64, height = 80): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 3, background: { r: variant % 256, g: (variant * 7) % 256, b: (variant * 13) % 256 } },
  })
    .png()
    .toBuffer();
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
