import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createAnchorExportManifest, manifestExportItems } from "@/db/queries/manifests";
import { writeCocoDataset } from "@/lib/datasets/export";
import { withTestDatabase } from "../helpers/db";
import { makeAnchor, makeProject } from "../helpers/fixtures";

const t = withTestDatabase("coco");
// npm test provides the venv (training-runner/requirements.txt); a bare `vitest` run needs FIELDLOOP_PYTHON set
const python = process.env.FIELDLOOP_PYTHON;

describe("COCO export, read by the real consumer", () => {
  it.runIf(python)("loads in pycocotools with the right images, categories and boxes", async () => {
    const db = t.db();
    const p = await makeProject(db, ["a", "b", "c"]);
    await makeAnchor(db, p.id, { train: 5, val: 1, test: 1 });
    const m = await createAnchorExportManifest(db, { projectId: p.id, actor: null });
    const out = await mkdtemp(path.join(os.tmpdir(), "fl-coco-"));
    try {
      await writeCocoDataset(() => manifestExportItems(db, m.id), out, ["a", "b", "c"]);
      const script = [
        "import json, os, sys",
        "from pycocotools.coco import COCO",
        "c = COCO(sys.argv[1] + '/annotations.json')",
        "imgs = c.loadImgs(c.getImgIds())",
        "assert all(os.path.exists(os.path.join(sys.argv[1], i['file_name'])) for i in imgs)",
        "print(json.dumps({'images': len(imgs), 'cats': [x['name'] for x in c.loadCats(c.getCatIds())], 'anns': len(c.getAnnIds()), 'area': c.loadAnns(c.getAnnIds())[0]['area']}))",
      ].join("\n");
      const res = JSON.parse(execFileSync(python!, ["-c", script, out], { encoding: "utf8" }).trim().split("\n").pop()!);
      expect(res).toEqual({ images: 6, cats: ["a", "b", "c"], anns: 6, area: 307.2 });
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
