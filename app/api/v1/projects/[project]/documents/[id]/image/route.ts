import { Readable } from "node:stream";
import { getDocumentImage } from "@/db/queries/documents";
import { intParam, route } from "@/lib/api/route";
import { blobStore } from "@/lib/storage/blob-store";

/** Streams the page image; content-addressed, so it can be cached forever. */
export const GET = route("GET /api/v1/projects/[project]/documents/[id]/image", async ({ params, db, access }) => {
  const doc = await getDocumentImage(db, access!.project.id, intParam(params, "id"));
  const stream = await blobStore().open(doc.sha256);
  return new Response(Readable.toWeb(stream) as ReadableStream, {
    headers: {
      "content-type": doc.contentType,
      "content-length": String(doc.size),
      "cache-control": "private, max-age=31536000, immutable",
      etag: `"${doc.sha256}"`,
    },
  });
});
