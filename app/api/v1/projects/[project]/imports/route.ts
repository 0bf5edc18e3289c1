import { z } from "zod";
import { listImports } from "@/db/queries/imports";
import { readJson, route } from "@/lib/api/route";
import { resolveServerPath, saveUpload, startImport } from "@/lib/datasets/run-import";
import { AppError } from "@/lib/errors";

export const GET = route("GET /api/v1/projects/[project]/imports", async ({ db, access }) => ({ items: await listImports(db, access!.project.id) }));

const serverPath = z.object({ path: z.string().trim().min(1).max(4096) });

/**
 * Starts an anchor-dataset import: the body is a .zip (Content-Type application/zip) or JSON
 * {"path": "<folder or .zip under FIELDLOOP_IMPORT_DIR>"}. Answers 202 with the import's id;
 * poll GET …/imports/{id} for progress.
 */
export const POST = route("POST /api/v1/projects/[project]/imports", async ({ req, db, actor, access }) => {
  const type = req.headers.get("content-type") ?? "";
  const projectId = access!.project.id;
  let run;
  if (type.startsWith("application/json")) {
    const { path } = serverPath.parse(await readJson(req));
    run = await startImport(db, { projectId, actor: actor!, source: { dir: resolveServerPath(path) }, label: path });
  } else if (type.startsWith("application/zip") || type.startsWith("application/octet-stream")) {
    if (!req.body) throw new AppError("invalid", "the upload is empty");
    const length = req.headers.get("content-length");
    const file = await saveUpload(req.body, length ? Number(length) : null);
    const name = req.headers.get("x-file-name") ?? "upload.zip";
    run = await startImport(db, { projectId, actor: actor!, source: { zip: file }, label: name.slice(0, 200) });
  } else {
    throw new AppError("bad_request", 'send a .zip as application/zip, or JSON {"path": "..."}');
  }
  return Response.json(run, { status: 202 });
});
