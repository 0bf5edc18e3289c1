import { reportFailure } from "@/db/queries/failures";
import { parseMultipart, readBodyLimited } from "@/lib/api/body";
import { route } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { failureMetadataSchema } from "@/lib/failures";
import { MAX_IMAGE_BYTES } from "@/lib/images";

/**
 * A production system reports a page whose fields were not detected:
 *   curl -H "Authorization: Bearer $TOKEN" -F image=@page.png \
 *        -F 'metadata={"external_id":"doc-123","model_version":"base_v1","predictions":[]}' \
 *        $APP/api/v1/projects/demo/failures
 * 201 with the new report and its annotation task; 200 with the existing one for a repeat.
 */
export const POST = route("POST /api/v1/projects/[project]/failures", async ({ req, db, actor, access }) => {
  const body = await readBodyLimited(req, MAX_IMAGE_BYTES + 1024 * 1024);
  const form = await parseMultipart(body, req.headers.get("content-type") ?? "");
  const image = form.get("image");
  if (!(image instanceof Blob)) throw new AppError("bad_request", "missing `image` file part");
  const raw = form.get("metadata");
  if (typeof raw !== "string") throw new AppError("bad_request", "missing `metadata` JSON field");
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError("bad_request", "`metadata` is not valid JSON");
  }
  const meta = failureMetadataSchema.parse(json);
  const receipt = await reportFailure(db, { projectId: access!.project.id, classes: access!.project.classes, actor: actor!, image: Buffer.from(await image.arrayBuffer()), meta });
  return Response.json(receipt, { status: receipt.created ? 201 : 200 });
});
