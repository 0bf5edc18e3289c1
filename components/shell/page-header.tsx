export function PageHeader({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-semibold">{title}</h1>
      {children && <div className="mt-1 text-slate-600">{children}</div>}
    </div>
  );
}

/** For sections whose issue has not landed yet: says so, never shows made-up data. */
export function NotYetAvailable({ what }: { what: string }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
      <p className="font-medium text-slate-800">Not yet available</p>
      <p className="mt-1 text-sm">{what}</p>
    </div>
  );
}

export function Stat({ label, value, hint }: { label: string; value: React.ReactNode; hint?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="text-sm text-slate-600">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums">{value}</div>
      {hint && <div className="mt-1 text-xs text-slate-500">{hint}</div>}
    </div>
  );
}

export function ProgressBar({ label, value, target }: { label: string; value: number; target: number }) {
  const pct = Math.min(100, (value / target) * 100);
  return (
    <div>
      <div className="flex justify-between text-sm">
        <span>{label}</span>
        <span className="tabular-nums text-slate-600">
          {value} / {target}
        </span>
      </div>
      <div className="mt-1 h-2 rounded bg-slate-200" role="progressbar" aria-label={label} aria-valuenow={value} aria-valuemax={target}>
        <div className="h-2 rounded bg-blue-600" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
