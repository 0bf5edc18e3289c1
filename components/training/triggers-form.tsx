"use client";

import { useState, useTransition } from "react";
import { saveTriggers } from "@/app/p/[project]/training/actions";
import type { TriggerSettings } from "@/lib/triggers";
import { SaveFooter } from "./save-footer";

type TriggerRow = { id: number; source: string; outcome: string; reason: string; jobId: number | null; slot: string | null; createdAt: string };

/** Trigger settings (audited) and the latest decisions: what queued a job and what was skipped, and why. */
export function TriggersForm(props: { project: string; settings: TriggerSettings; history: TriggerRow[]; editable: boolean }) {
  const [draft, setDraft] = useState(props.settings);
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="space-y-3 text-sm">
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          start(async () => {
            const res = await saveTriggers({ project: props.project, settings: draft });
            setMessage(res.ok ? { ok: true, text: "Triggers saved." } : { ok: false, text: res.error });
          });
        }}
      >
        <fieldset disabled={!props.editable || pending} className="space-y-2">
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={draft.autoQueue} onChange={(e) => setDraft({ ...draft, autoQueue: e.target.checked })} />
            Queue a fine-tune by itself when the pool reaches the minimum (volume)
          </label>
          <label className="flex items-center gap-2">
            Scheduled fine-tune
            <select aria-label="schedule" className="rounded border border-slate-300 px-2 py-1" value={draft.schedule} onChange={(e) => setDraft({ ...draft, schedule: e.target.value as TriggerSettings["schedule"] })}>
              <option value="off">off</option>
              <option value="weekly">weekly</option>
              <option value="monthly">monthly</option>
            </select>
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={draft.performance} onChange={(e) => setDraft({ ...draft, performance: e.target.checked })} />
            Fine-tune when monitoring raises an alert (performance)
          </label>
        </fieldset>
        <p className="text-xs text-slate-600">Triggers only queue training. Promoting a model to production is always a person&apos;s decision.</p>
        <SaveFooter editable={props.editable} pending={pending} label="Save triggers" message={message} testId="triggers-message" />
      </form>
      <h3 className="font-medium">Recent trigger decisions</h3>
      {props.history.length === 0 ? (
        <p className="text-slate-600">None yet.</p>
      ) : (
        <ul className="space-y-1" data-testid="trigger-history">
          {props.history.map((t) => (
            <li key={t.id} className="flex flex-wrap gap-2">
              <span className="text-slate-500 tabular-nums">{t.createdAt.slice(0, 16).replace("T", " ")}</span>
              <span className="font-medium">{t.source}{t.slot ? ` ${t.slot}` : ""}</span>
              <span className={t.outcome === "queued" ? "text-green-700" : "text-amber-700"}>{t.outcome === "queued" ? `queued job #${t.jobId}` : "skipped"}</span>
              <span className="text-slate-600">{t.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
