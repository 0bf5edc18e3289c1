"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

type Point = { epoch: number; losses?: Record<string, number>; metrics?: Record<string, number> };
type Job = {
  id: number;
  kind: string;
  state: string;
  attempts: number;
  leaseOwner: string | null;
  error: string | null;
  resultModelId: number | null;
  progress: { phase?: string; epoch?: number; epochs?: number; etaSeconds?: number; done?: number; total?: number; trainSeconds?: number; logTail?: string[]; history?: Point[] } | null;
  createdAt: string;
  artifacts?: { name: string; size: number }[];
};

const ACTIVE = ["queued", "claimed", "running"];

/** A small line chart: one polyline per series over epochs. */
function Chart({ title, series }: { title: string; series: { name: string; color: string; points: [number, number][] }[] }) {
  const all = series.flatMap((s) => s.points);
  if (all.length < 1) return null;
  const maxX = Math.max(1, ...all.map((p) => p[0]));
  const maxY = Math.max(1e-6, ...all.map((p) => p[1]));
  const W = 240;
  const H = 90;
  const xy = ([x, y]: [number, number]) => `${(x / maxX) * (W - 10) + 5},${H - 5 - (y / maxY) * (H - 15)}`;
  return (
    <figure className="text-xs">
      <figcaption className="mb-1 text-slate-600">{title}</figcaption>
      <svg width={W} height={H} role="img" aria-label={title} className="rounded border border-slate-200 bg-white">
        {series.map((s) => (
          <g key={s.name}>
            <polyline fill="none" stroke={s.color} strokeWidth={1.5} points={s.points.map(xy).join(" ")} />
            {s.points.map((p) => {
              const [cx, cy] = xy(p).split(",").map(Number);
              return <circle key={`${s.name}${p[0]}`} cx={cx} cy={cy} r={2} fill={s.color} />;
            })}
          </g>
        ))}
      </svg>
      <div className="mt-1 flex gap-3">
        {series.map((s) => (
          <span key={s.name} style={{ color: s.color }}>
            {s.name}
          </span>
        ))}
      </div>
    </figure>
  );
}

/** Trigger buttons and the live job list (polls while a job is active). */
export function JobsPanel(props: { project: string; initial: Job[]; canTrigger: boolean; hasBase: boolean; finetuneAllowed: boolean; retrainAllowed: boolean }) {
  const router = useRouter();
  const [jobs, setJobs] = useState(props.initial);
  const [error, setError] = useState<string | null>(null);
  const active = jobs.some((j) => ACTIVE.includes(j.state));

  useEffect(() => {
    if (!active) return;
    const t = setInterval(async () => {
      const res = await fetch(`/api/v1/projects/${props.project}/jobs`);
      if (res.ok) {
        const { items } = (await res.json()) as { items: Job[] };
        setJobs(items);
        if (!items.some((j) => ACTIVE.includes(j.state))) router.refresh();
      }
    }, 1500);
    return () => clearInterval(t);
  }, [active, props.project, router]);

  async function trigger(kind: "finetune" | "base_retrain") {
    setError(null);
    const res = await fetch(`/api/v1/projects/${props.project}/jobs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ kind }) });
    const body = await res.json();
    if (!res.ok) return setError(body.error?.message ?? `refused (${res.status})`);
    setJobs((js) => [body.job, ...js]);
  }

  async function cancel(id: number) {
    const res = await fetch(`/api/v1/projects/${props.project}/jobs/${id}/cancel`, { method: "POST" });
    if (!res.ok) setError((await res.json()).error?.message ?? "cancel refused");
  }

  return (
    <section aria-labelledby="jobs" className="mt-8 max-w-6xl">
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <h2 id="jobs" className="text-lg font-semibold">
          Training jobs
        </h2>
        {props.canTrigger && (
          <>
            <button className="rounded bg-blue-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50" disabled={!props.hasBase || !props.finetuneAllowed} onClick={() => void trigger("finetune")}>
              Fine-tune now
            </button>
            {(!props.hasBase || props.retrainAllowed) && (
              <button className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium" onClick={() => void trigger("base_retrain")}>
                {props.hasBase ? "Retrain base from scratch" : "Train the first base model"}
              </button>
            )}
          </>
        )}
        {error && (
          <span role="alert" className="text-sm text-red-700" data-testid="job-error">
            {error}
          </span>
        )}
      </div>
      {jobs.length === 0 ? (
        <p className="text-sm text-slate-600">No training jobs yet. A runner (npm run runner) picks queued jobs up.</p>
      ) : (
        <ul className="space-y-3">
          {jobs.map((j) => {
            const p = j.progress ?? {};
            const pct = p.epochs ? Math.round(((p.epoch ?? 0) / p.epochs) * 100) : j.state === "succeeded" ? 100 : 0;
            const hist = p.history ?? [];
            const lossNames = [...new Set(hist.flatMap((h) => Object.keys(h.losses ?? {})))];
            const colors = ["#2563eb", "#dc2626", "#16a34a"];
            return (
              <li key={j.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid={`job-${j.id}`}>
                <div className="flex flex-wrap items-center gap-3">
                  <b>#{j.id}</b> {j.kind.replace("_", " ")}
                  <span data-testid="job-state" className={j.state === "failed" ? "text-red-700" : j.state === "succeeded" ? "text-green-700" : "text-blue-700"}>
                    {j.state}
                  </span>
                  {j.leaseOwner && ACTIVE.includes(j.state) && <span className="text-slate-500">on {j.leaseOwner}</span>}
                  {p.phase && ACTIVE.includes(j.state) && (
                    <span className="text-slate-500" data-testid="job-phase">
                      {p.phase === "predicting" && p.total ? `predicting on the gate sets ${p.done ?? 0}/${p.total}` : p.phase}
                    </span>
                  )}
                  {j.state === "succeeded" && p.trainSeconds !== undefined && <span className="text-slate-500">{p.trainSeconds.toFixed(0)} s in Ultralytics</span>}
                  {props.canTrigger && ACTIVE.includes(j.state) && (
                    <button className="ml-auto rounded border border-red-300 px-2 py-0.5 text-red-700" onClick={() => void cancel(j.id)}>
                      Cancel
                    </button>
                  )}
                </div>
                <div className="mt-2 h-2 rounded bg-slate-200" role="progressbar" aria-label={`job ${j.id} progress`} aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100}>
                  <div className="h-2 rounded bg-blue-600 transition-all" style={{ width: `${pct}%` }} />
                </div>
                {p.epochs ? (
                  <p className="mt-1 text-xs text-slate-600">
                    epoch {p.epoch ?? 0} / {p.epochs}
                    {ACTIVE.includes(j.state) && p.etaSeconds !== undefined && p.etaSeconds > 0 && (
                      <span data-testid="job-eta"> · about {p.etaSeconds < 90 ? `${Math.round(p.etaSeconds)} s` : `${Math.round(p.etaSeconds / 60)} min`} left</span>
                    )}
                  </p>
                ) : null}
                {hist.length > 0 && (
                  <div className="mt-2 flex flex-wrap gap-6">
                    <Chart title="training loss" series={lossNames.map((n, i) => ({ name: n, color: colors[i % 3]!, points: hist.filter((h) => h.losses?.[n] !== undefined).map((h) => [h.epoch, h.losses![n]!] as [number, number]) }))} />
                    <Chart title="validation mAP50" series={[{ name: "mAP50", color: "#7c3aed", points: hist.filter((h) => h.metrics?.["metrics/mAP50(B)"] !== undefined).map((h) => [h.epoch, h.metrics!["metrics/mAP50(B)"]!] as [number, number]) }]} />
                  </div>
                )}
                {j.error && <p className="mt-1 text-red-700">{j.error}</p>}
                {j.state === "succeeded" && (j.artifacts?.length ?? 0) > 0 && (
                  <p className="mt-1 flex flex-wrap gap-3 text-xs" data-testid="job-artifacts">
                    {j.artifacts!.map((a) => (
                      <a key={a.name} className="text-blue-700 underline" href={`/api/v1/projects/${props.project}/jobs/${j.id}/artifacts/${a.name}`}>
                        {a.name} ({a.size < 1e6 ? `${(a.size / 1e3).toFixed(0)} kB` : `${(a.size / 1e6).toFixed(1)} MB`})
                      </a>
                    ))}
                  </p>
                )}
                {p.logTail && p.logTail.length > 0 && ACTIVE.includes(j.state) && <pre className="mt-2 max-h-32 overflow-auto rounded bg-slate-900 p-2 text-xs text-slate-100">{p.logTail.join("\n")}</pre>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
