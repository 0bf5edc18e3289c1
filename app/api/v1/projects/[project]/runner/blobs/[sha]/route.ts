import { Readable } from "node:stream";
import { runnerMayRead } from "@/db/queries/runner";
import { route } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { assertSha256, blobStore } from "@/lib/storage/blob-store";

/** Content-addressed download for runners: page images and weights of this project only. */
export const GET = route("GET /api/v1/projects/[project]/runner/blobs/[sha]", async ({ params, db, access }) => {
  const sha = String(params.sha);
  assertSha256(sha);
  if (!(await runnerMayRead(db, access!.project.id, sha))) throw new AppError("not_found", `blob ${sha} not found`);
  const store = blobStore();
  const size = await store.size(sha);
  return new Response(Readable.toWeb(await store.open(sha)) as ReadableStream, {
    headers: { "content-type": "application/octet-stream", "content-length": String(size), etag: `"${sha}"` },
  });
});
