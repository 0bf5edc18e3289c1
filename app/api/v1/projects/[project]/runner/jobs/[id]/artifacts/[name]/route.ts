import { Readable } from "node:stream";
import { z } from "zod";
import { recordArtifact } from "@/db/queries/runner";
import { intParam, route } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { blobStore } from "@/lib/storage/blob-store";

const NAMES = /^(best\.pt|model\.onnx|metrics\.json|predictions-[a-z0-9_-]{1,40}\.json)$/;
const query = z.object({ runner: z.string().min(1).max(200), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
const MAX_ARTIFACT_BYTES = 2 * 1024 ** 3;

/** Streams an artifact into the blob store; the body must hash to `sha256` (422 otherwise). */
export const PUT = route("PUT /api/v1/projects/[project]/runner/jobs/[id]/artifacts/[name]", async ({ req, params, db, access }) => {
  const name = String(params.name);
  if (!NAMES.test(name)) throw new AppError("invalid", `unknown artifact name ${name}`);
  const q = query.parse(Object.fromEntries(req.nextUrl.searchParams));
  if (!req.body) throw new AppError("invalid", "empty artifact");
  const stored = await blobStore().put(Readable.fromWeb(req.body as import("node:stream/web").ReadableStream), { maxBytes: MAX_ARTIFACT_BYTES, expectedSha256: q.sha256 });
  await recordArtifact(db, { projectId: access!.project.id, jobId: intParam(params, "id"), runner: q.runner, name, sha256: stored.sha256, size: stored.size, contentType: name.endsWith(".json") ? "application/json" : "application/octet-stream" });
  return Response.json({ name, sha256: stored.sha256, size: stored.size }, { status: 201 });
});
