"use client";

import { useState, useTransition } from "react";
import { savePolicy } from "@/app/p/[project]/training/actions";
import type { MixingPolicy } from "@/lib/mixing";
import { SaveFooter } from "./save-footer";

/** Edits the project's mixing policy; the server validates it and records the change in the audit log. */
export function PolicyForm({ project, policy, editable }: { project: string; policy: MixingPolicy; editable: boolean }) {
  const [draft, setDraft] = useState(policy);
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const num = (v: string) => (v === "" ? NaN : Number(v));
  const field = "w-24 rounded border border-slate-300 px-2 py-1 tabular-nums";
  return (
    <form
      className="space-y-3 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const res = await savePolicy({ project, policy: draft });
          setMessage(res.ok ? { ok: true, text: "Policy saved." } : { ok: false, text: res.error });
        });
      }}
    >
      <fieldset disabled={!editable || pending} className="space-y-2">
        <legend className="font-medium">Old-data multiplier by number of new samples</legend>
        {draft.bands.map((b, i) => (
          <div key={i} className="flex items-center gap-2">
            <label className="flex items-center gap-1">
              from
              <input aria-label={`band ${i + 1} from`} className={field} type="number" min={0} value={b.fromNew} onChange={(e) => setDraft({ ...draft, bands: draft.bands.map((x, k) => (k === i ? { ...x, fromNew: num(e.target.value) } : x)) })} />
              new
            </label>
            <label className="flex items-center gap-1">
              ×
              <input aria-label={`band ${i + 1} multiplier`} className={field} type="number" min={0} step="any" value={b.multiplier} onChange={(e) => setDraft({ ...draft, bands: draft.bands.map((x, k) => (k === i ? { ...x, multiplier: num(e.target.value) } : x)) })} />
              old
            </label>
          </div>
        ))}
        <div className="flex flex-wrap gap-4">
          <label className="flex items-center gap-1">
            cap <input aria-label="cap" className={field} type="number" value={draft.cap} onChange={(e) => setDraft({ ...draft, cap: num(e.target.value) })} />
          </label>
          <label className="flex items-center gap-1">
            minimum new <input aria-label="minimum" className={field} type="number" value={draft.minimum} onChange={(e) => setDraft({ ...draft, minimum: num(e.target.value) })} />
          </label>
          <label className="flex items-center gap-1">
            base retrain at <input aria-label="base retrain at" className={field} type="number" value={draft.baseRetrainAt} onChange={(e) => setDraft({ ...draft, baseRetrainAt: num(e.target.value) })} />
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={draft.holdout.enabled} onChange={(e) => setDraft({ ...draft, holdout: { ...draft.holdout, enabled: e.target.checked } })} />
            hold out {Math.round(draft.holdout.fraction * 100)}% of new samples for Gate 2
          </label>
        </div>
      </fieldset>
      <SaveFooter editable={editable} pending={pending} label="Save policy" message={message} testId="policy-message" />
    </form>
  );
}
