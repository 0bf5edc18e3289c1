"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

type ImportRow = {
  id: number;
  source: string;
  format: string | null;
  state: "running" | "succeeded" | "failed";
  phase: string;
  total: number;
  processed: number;
  counts: Record<string, unknown> | null;
  errors: string[] | null;
  createdAt: string;
};

function Bar({ value, max, label }: { value: number; max: number; label: string }) {
  const pct = max ? Math.min(100, (value / max) * 100) : 0;
  return (
    <div>
      <div className="flex justify-between text-xs text-slate-600">
        <span>{label}</span>
        <span className="tabular-nums">{max ? `${value} / ${max}` : ""}</span>
      </div>
      <div className="mt-1 h-2 rounded bg-slate-200" role="progressbar" aria-label={label} aria-valuenow={Math.round(pct)} aria-valuemin={0} aria-valuemax={100}>
        <div className="h-2 rounded bg-blue-600 transition-all" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

/** Upload (with upload progress) or server-path import, then live progress of the server-side run. */
export function ImportPanel({ project, canImport, initial }: { project: string; canImport: boolean; initial: ImportRow[] }) {
  const router = useRouter();
  const [imports, setImports] = useState(initial);
  const [upload, setUpload] = useState<{ sent: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const running = imports.some((i) => i.state === "running");

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(async () => {
      const res = await fetch(`/api/v1/projects/${project}/imports`);
      if (!res.ok) return;
      const { items } = (await res.json()) as { items: ImportRow[] };
      setImports(items);
      if (!items.some((i) => i.state === "running")) router.refresh();
    }, 1000);
    return () => clearInterval(timer);
  }, [running, project, router]);

  async function started(res: { status: number; body: string }) {
    if (res.status !== 202) {
      setError((JSON.parse(res.body || "{}") as { error?: { message?: string } }).error?.message ?? `import refused (${res.status})`);
      return;
    }
    const row = JSON.parse(res.body) as ImportRow;
    setImports((xs) => [row, ...xs]);
  }

  function uploadZip(file: File) {
    setError(null);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/projects/${project}/imports`);
    xhr.setRequestHeader("content-type", "application/zip");
    xhr.setRequestHeader("x-file-name", file.name);
    xhr.upload.onprogress = (e) => setUpload({ sent: e.loaded, total: e.total });
    xhr.onload = () => {
      setUpload(null);
      void started({ status: xhr.status, body: xhr.responseText });
    };
    xhr.onerror = () => {
      setUpload(null);
      setError("the upload failed: network error");
    };
    xhr.send(file);
  }

  async function importPath(path: string) {
    setError(null);
    const res = await fetch(`/api/v1/projects/${project}/imports`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ path }) });
    await started({ status: res.status, body: await res.text() });
  }

  return (
    <section aria-labelledby="imports" className="mt-8 max-w-4xl">
      <h2 id="imports" className="mb-2 text-lg font-semibold">
        Import the original dataset
      </h2>
      {canImport ? (
        <div className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-2">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const f = fileRef.current?.files?.[0];
              if (f) uploadZip(f);
            }}
          >
            <label className="block font-medium" htmlFor="dataset-zip">
              Upload a .zip (Ultralytics YOLO with data.yaml, or COCO JSON + images)
            </label>
            <input id="dataset-zip" ref={fileRef} type="file" accept=".zip,application/zip" className="mt-2 block" />
            <button className="mt-2 rounded bg-blue-700 px-3 py-1.5 font-medium text-white disabled:opacity-60" disabled={!!upload}>
              Upload and import
            </button>
            {upload && (
              <div className="mt-2">
                <Bar label="Uploading" value={Math.round(upload.sent / 1024)} max={Math.round(upload.total / 1024)} />
              </div>
            )}
          </form>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void importPath(String(new FormData(e.currentTarget).get("path")));
            }}
          >
            <label className="block font-medium" htmlFor="dataset-path">
              …or a folder or .zip on the server (under the import directory)
            </label>
            <input id="dataset-path" name="path" required className="mt-2 w-full rounded border border-slate-300 px-2 py-1" placeholder="anchor-2026/" />
            <button className="mt-2 rounded border border-slate-300 px-3 py-1.5 font-medium">Import from server</button>
          </form>
          {error && (
            <p data-testid="import-error" className="text-red-700 md:col-span-2">
              {error}
            </p>
          )}
        </div>
      ) : (
        <p className="text-sm text-slate-600">ML leads and admins import datasets.</p>
      )}
      <ul className="mt-4 space-y-3">
        {imports.map((i) => (
          <li key={i.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid={`import-${i.id}`}>
            <div className="flex justify-between">
              <span className="font-medium">
                #{i.id} {i.source} {i.format && <span className="text-slate-500">({i.format})</span>}
              </span>
              <span className={i.state === "failed" ? "text-red-700" : i.state === "succeeded" ? "text-green-700" : "text-blue-700"} data-testid="import-state">
                {i.state}
              </span>
            </div>
            {i.state === "running" && (
              <div className="mt-2">
                <Bar label={i.phase} value={i.processed} max={i.total} />
              </div>
            )}
            {i.state === "succeeded" && i.counts && (
              <p className="mt-1 text-slate-600">
                added {String(i.counts.added)} images ({String(i.counts.train)} train, {String(i.counts.val)} val, {String(i.counts.test)} test
                {i.counts.testFromDataset ? " from the dataset's test split" : ", a seeded stratified 10%"}); {String(i.counts.alreadyPresent)} already present
              </p>
            )}
            {i.state === "failed" && i.errors && (
              <details className="mt-1" open>
                <summary className="cursor-pointer text-red-700">{i.errors.length} problem(s); nothing was imported</summary>
                <ul className="mt-1 max-h-48 overflow-auto font-mono text-xs text-red-800">
                  {i.errors.slice(0, 200).map((e, k) => (
                    <li key={k}>{e}</li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
