import { Readable } from "node:stream";
import { jobArtifact } from "@/db/queries/runner";
import { intParam, route } from "@/lib/api/route";
import { blobStore } from "@/lib/storage/blob-store";

/** Downloads a file a runner uploaded for a job: best.pt, model.onnx, predictions-<set>.json. */
export const GET = route("GET /api/v1/projects/[project]/jobs/[id]/artifacts/[name]", async ({ params, db, access }) => {
  const a = await jobArtifact(db, access!.project.id, intParam(params, "id"), String(params.name));
  return new Response(Readable.toWeb(await blobStore().open(a.sha256)) as ReadableStream, {
    headers: {
      "content-type": a.name.endsWith(".json") ? "application/json" : "application/octet-stream",
      "content-length": String(a.size),
      "content-disposition": `attachment; filename="job-${a.jobId}-${a.name}"`,
      etag: `"${a.sha256}"`,
    },
  });
});
