import type { previewMix } from "@/db/queries/manifests";

type Preview = Awaited<ReturnType<typeof previewMix>>;

/** "A fine-tune now would use N new + M old": a stacked bar, the band, and per-class bars. */
export function MixPreview({ preview }: { preview: Preview }) {
  const { plan } = preview;
  const total = Math.max(plan.total, 1);
  const maxClass = Math.max(1, ...preview.classes.map((c) => c.newImages + c.expectedOldImages));
  return (
    <div className="space-y-4">
      <p className="text-lg" data-testid="mix-summary">
        A fine-tune now would use <b className="tabular-nums">{plan.newSamples}</b> new + <b className="tabular-nums">{plan.oldSamples.toLocaleString("en")}</b> old ={" "}
        <b className="tabular-nums">{plan.total.toLocaleString("en")}</b> images
        {preview.base ? <> from {preview.base.name}</> : <> (no base model yet)</>}.
      </p>
      <div className="flex h-6 overflow-hidden rounded" role="img" aria-label={`${plan.newSamples} new and ${plan.oldSamples} old images`}>
        <div className="bg-amber-500" style={{ width: `${(plan.newSamples / total) * 100}%` }} title="new (pool)" />
        <div className="bg-blue-600" style={{ width: `${(plan.oldSamples / total) * 100}%` }} title="old (anchor)" />
      </div>
      <p className="text-sm text-slate-700">
        Why: {plan.reason}. The anchor has {preview.anchorSize.toLocaleString("en")} training images; {preview.valSize} validation images are added for validation.
      </p>
      {!plan.allowed && <p className="rounded bg-amber-50 p-2 text-sm text-amber-900">Fine-tunes are refused under {preview.policy.minimum} new samples.</p>}
      {preview.warnings.length > 0 && (
        <ul className="rounded bg-amber-50 p-2 text-sm text-amber-900" data-testid="mix-warnings">
          {preview.warnings.map((w) => (
            <li key={w}>⚠ {w}</li>
          ))}
        </ul>
      )}
      <div>
        <h3 className="mb-2 text-sm font-semibold">Images per class in the mix (old: expected share of a uniform sample)</h3>
        <div className="space-y-1">
          {preview.classes.map((c) => (
            <div key={c.name} className="flex items-center gap-2 text-xs">
              <span className="w-32 shrink-0 truncate text-right">{c.name}</span>
              <div className="flex h-4 flex-1">
                <div className="bg-amber-500" style={{ width: `${(c.newImages / maxClass) * 100}%` }} />
                <div className="bg-blue-600" style={{ width: `${(c.expectedOldImages / maxClass) * 100}%` }} />
              </div>
              <span className="w-24 shrink-0 tabular-nums text-slate-600">
                {c.newImages} + {c.expectedOldImages}
              </span>
            </div>
          ))}
        </div>
        <p className="mt-2 flex gap-4 text-xs text-slate-600">
          <span>
            <span className="mr-1 inline-block h-3 w-3 bg-amber-500 align-middle" />
            new (pool)
          </span>
          <span>
            <span className="mr-1 inline-block h-3 w-3 bg-blue-600 align-middle" />
            old (anchor)
          </span>
        </p>
      </div>
    </div>
  );
}
