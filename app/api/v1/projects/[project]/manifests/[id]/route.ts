import { Readable } from "node:stream";
import { getManifest, manifestExportItems } from "@/db/queries/manifests";
import { intParam, route } from "@/lib/api/route";

/** The manifest as downloadable JSON, items streamed: exactly which images and revisions a run uses. */
export const GET = route("GET /api/v1/projects/[project]/manifests/[id]", async ({ params, db, access }) => {
  const m = await getManifest(db, access!.project.id, intParam(params, "id"));
  const { contentSha256, ...header } = m;
  async function* body() {
    yield JSON.stringify({ ...header, contentSha256, classes: access!.project.classes }).slice(0, -1) + ',"items":[';
    let first = true;
    for await (const it of manifestExportItems(db, m.id)) {
      yield (first ? "" : ",") + JSON.stringify({ documentId: it.documentId, revisionId: it.revisionId, role: it.role, sha256: it.sha256, sourceName: it.sourceName });
      first = false;
    }
    yield "]}";
  }
  return new Response(Readable.toWeb(Readable.from(body())) as ReadableStream, {
    headers: { "content-type": "application/json", "content-disposition": `attachment; filename="manifest-${m.id}.json"` },
  });
});
