import { headers } from "next/headers";
import { guardProjectPage } from "@/lib/auth/page";
import { PageHeader } from "@/components/shell/page-header";

export const metadata = { title: "API reference" };

export default async function ApiReference({ params }: { params: Promise<{ project: string }> }) {
  const { access } = await guardProjectPage(params, "project.view");
  const host = (await headers()).get("host") ?? "localhost:3000";
  const base = `http://${host}/api/v1/projects/${access.project.slug}`;
  const example = `curl -H "Authorization: Bearer $FIELDLOOP_TOKEN" \\
  -F image=@page.png \\
  -F 'metadata={"external_id":"invoice-2026-0042","model_version":"base_v1",
      "predictions":[{"class":"total","cx":0.81,"cy":0.62,"w":0.2,"h":0.03,"confidence":0.34}],
      "comment":"due date missed","expected_fields":["due_date"]}' \\
  ${base}/failures`;
  return (
    <>
      <PageHeader title="API reference">For production systems and training runners. Tokens are created by an admin (Admin → API tokens).</PageHeader>
      <section className="max-w-4xl space-y-3 text-sm">
        <h2 className="text-lg font-semibold">Report a failed document</h2>
        <p>
          <code>POST {base}/failures</code> with a <b>production</b> token, as <code>multipart/form-data</code>: an <code>image</code> (PNG, JPEG, WebP or TIFF, at
          most 25 MB and 100 megapixels) and a <code>metadata</code> JSON field. Boxes are normalized <code>cx, cy, w, h</code> in [0, 1]; a class is its name or index
          ({access.project.classes.join(", ")}).
        </p>
        <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-slate-100">{example}</pre>
        <ul className="list-disc pl-5">
          <li>201: a new report and its annotation task. 200: the same report again (same external id, or same image and model version).</li>
          <li>413: too many bytes or pixels. 422: unknown class, a box outside the page, zero size, or an undecodable image. 401/403: missing, revoked or wrong-kind token.</li>
          <li>Errors are JSON: {`{"error": {"code": "...", "message": "..."}}`}.</li>
        </ul>
      </section>
    </>
  );
}
