import { z } from "zod";
import { getManifest, manifestExportItems } from "@/db/queries/manifests";
import { intParam, route } from "@/lib/api/route";
import { exportZip } from "@/lib/datasets/export";
import { Readable } from "node:stream";

const query = z.object({ format: z.enum(["yolo", "coco"]) });

/** The manifest's images and labels as a zip, built while it downloads (YOLO folder or COCO JSON). */
export const GET = route("GET /api/v1/projects/[project]/manifests/[id]/export", async ({ req, params, db, access }) => {
  const { format } = query.parse(Object.fromEntries(req.nextUrl.searchParams));
  const m = await getManifest(db, access!.project.id, intParam(params, "id"));
  const zip = exportZip(() => manifestExportItems(db, m.id), access!.project.classes, format);
  return new Response(Readable.toWeb(zip) as ReadableStream, {
    headers: { "content-type": "application/zip", "content-disposition": `attachment; filename="${access!.project.slug}-manifest-${m.id}-${format}.zip"` },
  });
});
