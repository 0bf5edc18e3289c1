import { count, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/projects/[project]/failures/route";
import { createApiToken } from "@/db/queries/tokens";
import { auditLog, documents, failureReports, tasks } from "@/db/schema";
import { withTestDatabase } from "../helpers/db";
import { makeDocument, makeProject, makeUser, pngImage } from "../helpers/fixtures";

const t = withTestDatabase("failures");
let project: Awaited<ReturnType<typeof makeProject>>;
let token = "";
let runnerToken = "";

beforeAll(async () => {
  project = await makeProject(t.db(), ["logo", "total", "stamp"]);
  const admin = await makeUser(t.db(), project.id, ["admin"]);
  token = (await createApiToken(t.db(), { actor: admin.actor, projectId: project.id, kind: "production", name: "svc" })).token;
  runnerToken = (await createApiToken(t.db(), { actor: admin.actor, projectId: project.id, kind: "runner", name: "gpu" })).token;
});

async function send(image: Buffer | null, metadata: unknown, bearer = token) {
  const form = new FormData();
  if (image) form.set("image", new Blob([new Uint8Array(image)], { type: "image/png" }), "page.png");
  if (metadata !== undefined) form.set("metadata", typeof metadata === "string" ? metadata : JSON.stringify(metadata));
  const req = new NextRequest(`http://test/api/v1/projects/${project.slug}/failures`, { method: "POST", body: form, headers: { authorization: `Bearer ${bearer}` } });
  const res = await POST(req, { params: Promise.resolve({ project: project.slug }) });
  return { status: res.status, body: await res.json() };
}

async function counts() {
  const [r] = await t.db().select({ n: count() }).from(failureReports).where(eq(failureReports.projectId, project.id));
  const [d] = await t.db().select({ n: count() }).from(documents).where(eq(documents.projectId, project.id));
  const [k] = await t.db().select({ n: count() }).from(tasks).where(eq(tasks.projectId, project.id));
  return { reports: r!.n, documents: d!.n, tasks: k!.n };
}

const meta = (extra: object = {}) => ({ model_version: "base_v1", predictions: [{ class: "total", cx: 0.5, cy: 0.5, w: 0.2, h: 0.1, confidence: 0.31 }], ...extra });

describe("POST /failures", () => {
  it("records the report, its document and an annotation task, once", async () => {
    const image = await pngImage(31_001, 300, 400);
    const first = await send(image, meta({ external_id: "inv-1", comment: "total missed" }));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: true, taskId: expect.any(Number) });
    const [report] = await t.db().select().from(failureReports).where(eq(failureReports.id, first.body.reportId));
    expect(report).toMatchObject({ externalId: "inv-1", modelVersionLabel: "base_v1", predictions: [{ cls: 1, cx: 0.5, cy: 0.5, w: 0.2, h: 0.1, conf: 0.31 }], comment: "total missed" });
    const [doc] = await t.db().select().from(documents).where(eq(documents.id, first.body.documentId));
    expect(doc).toMatchObject({ origin: "failure_report", width: 300, height: 400 });
    const audit = await t.db().select().from(auditLog).where(eq(auditLog.action, "failure.report"));
    expect(audit).toHaveLength(1);

    const before = await counts();
    const again = await send(image, meta({ external_id: "inv-1" }));
    expect(again).toEqual({ status: 200, body: { ...first.body, created: false } });
    // same image + same model version without an id is the same report too
    const sameImage = await send(image, meta());
    expect(sameImage.status).toBe(200);
    expect(sameImage.body.reportId).toBe(first.body.reportId);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["an unknown class", meta({ predictions: [{ class: "signature", cx: 0.5, cy: 0.5, w: 0.1, h: 0.1, confidence: 0.5 }] }), 422, /unknown class "signature"/],
    ["a box outside the page", meta({ predictions: [{ class: 1, cx: 0.99, cy: 0.5, w: 0.1, h: 0.1, confidence: 0.5 }] }), 422, /past the left or right edge/],
    ["a zero-area box", meta({ predictions: [{ class: 1, cx: 0.5, cy: 0.5, w: 0.1, h: 0, confidence: 0.5 }] }), 422, /zero area/],
    ["a NaN coordinate", '{"model_version":"x","predictions":[{"class":1,"cx":NaN,"cy":0.5,"w":0.1,"h":0.1,"confidence":0.5}]}', 400, /not valid JSON/],
    ["a missing model version", { predictions: [] }, 422, /model_version/],
  ])("refuses %s and writes nothing", async (_c, metadata, status, message) => {
    const before = await counts();
    const res = await send(await pngImage(31_100 + Math.floor(Math.random() * 1000)), metadata);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it("refuses undecodable images (422), too many pixels (413) and missing parts (400)", async () => {
    const before = await counts();
    expect((await send(Buffer.from("definitely not an image"), meta())).status).toBe(422);
    const huge = await sharp({ create: { width: 10001, height: 10000, channels: 3, background: { r: 255, g: 255, b: 255 } } }).png({ compressionLevel: 1 }).toBuffer();
    const big = await send(huge, meta());
    expect(big.status).toBe(413);
    expect(big.body.error.message).toMatch(/100,000,000 pixels/);
    expect((await send(null, meta())).body.error.message).toMatch(/missing `image`/);
    expect((await send(await pngImage(31_200), undefined)).body.error.message).toMatch(/missing `metadata`/);
    expect(await counts()).toEqual(before);
  });

  it("refuses a test-set image (409) and a runner token (403)", async () => {
    const testDoc = await makeDocument(t.db(), project.id, "anchor_test");
    const [doc] = await t.db().select().from(documents).where(eq(documents.id, testDoc.id));
    expect(doc!.origin).toBe("anchor_test");
    // makeDocument's image for that counter value: re-render it from the stored blob instead
    const { blobStore } = await import("@/lib/storage/blob-store");
    const chunks: Buffer[] = [];
    for await (const c of await blobStore().open(doc!.sha256)) chunks.push(c as Buffer);
    const res = await send(Buffer.concat(chunks), meta());
    expect(res.status).toBe(409);
    expect((await send(await pngImage(31_300), meta(), runnerToken)).status).toBe(403);
  });
});
