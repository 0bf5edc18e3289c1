"use client";

import { useState, useTransition } from "react";
import { saveRecipe } from "@/app/p/[project]/training/actions";
import { freezePlan, type Layer, type Recipe, type RecipeDefaults } from "@/lib/recipe";
import { SaveFooter } from "./save-footer";

const PART_COLORS = { backbone: "bg-sky-500", neck: "bg-amber-500", head: "bg-emerald-600" } as const;

/**
 * The project's fine-tune recipe defaults (server-validated, audited) and a picture of what
 * `freeze` does to the current base: one block per layer, frozen ones hatched.
 */
export function RecipeForm(props: { project: string; defaults: RecipeDefaults; effective: Recipe; layers: Layer[] | null; baseName: string | null; editable: boolean }) {
  const [draft, setDraft] = useState<Recipe>(props.effective);
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const set = <K extends keyof Recipe>(k: K, v: Recipe[K]) => setDraft({ ...draft, [k]: v });
  const num = (k: "epochs" | "lr0" | "batch" | "warmup_epochs" | "freeze" | "mosaic" | "fliplr", label: string, step = "any") => (
    <label className="flex flex-col gap-1">
      <span className="text-slate-600">{label}</span>
      <input aria-label={label} className="w-28 rounded border border-slate-300 px-2 py-1 tabular-nums" type="number" step={step} value={Number.isNaN(draft[k]) ? "" : draft[k]} onChange={(e) => set(k, e.target.value === "" ? NaN : Number(e.target.value))} />
    </label>
  );
  const plan = props.layers?.length ? freezePlan(props.layers, Number.isFinite(draft.freeze) ? draft.freeze : 0) : null;
  const frozenTypes = plan ? [...new Set(plan.layers.filter((l) => l.frozen).map((l) => l.type))] : [];
  return (
    <form
      className="space-y-4 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        const finetune = { epochs: draft.epochs, lr0: draft.lr0, batch: draft.batch, warmup_epochs: draft.warmup_epochs, freeze: draft.freeze, cos_lr: draft.cos_lr, optimizer: draft.optimizer, mosaic: draft.mosaic, fliplr: draft.fliplr };
        start(async () => {
          const res = await saveRecipe({ project: props.project, defaults: { ...props.defaults, finetune } });
          setMessage(res.ok ? { ok: true, text: "Recipe saved; the next fine-tune uses it." } : { ok: false, text: res.error });
        });
      }}
    >
      <fieldset disabled={!props.editable || pending} className="flex flex-wrap gap-4">
        {num("epochs", "epochs", "1")}
        {num("lr0", "lr0")}
        {num("batch", "batch", "1")}
        {num("warmup_epochs", "warmup epochs")}
        {num("freeze", "freeze (layers)", "1")}
        {num("mosaic", "mosaic")}
        {num("fliplr", "flip left-right")}
        <label className="flex flex-col gap-1">
          <span className="text-slate-600">optimizer</span>
          <select aria-label="optimizer" className="rounded border border-slate-300 px-2 py-1" value={draft.optimizer} onChange={(e) => set("optimizer", e.target.value as Recipe["optimizer"])}>
            {["AdamW", "Adam", "SGD"].map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 self-end pb-1">
          <input type="checkbox" checked={draft.cos_lr} onChange={(e) => set("cos_lr", e.target.checked)} /> cosine LR
        </label>
      </fieldset>
      <p className="text-slate-600">
        Fixed by the base: {draft.architecture} at imgsz {draft.imgsz}. Fine-tunes always start from {props.baseName ?? "the base model"}, never from another fine-tune.
      </p>
      {plan ? (
        <div data-testid="freeze-plan">
          <p className="mb-2">
            <b>freeze {plan.freeze}</b> freezes layers {plan.freeze > 0 ? `0–${Math.min(plan.freeze, plan.layers.length) - 1}` : "none"} of {props.baseName}
            {frozenTypes.length > 0 && ` (${frozenTypes.join(", ")})`}: {(plan.frozenParams / 1e6).toFixed(2)}M of {(plan.totalParams / 1e6).toFixed(2)}M parameters stay as trained.
          </p>
          <div className="flex flex-wrap gap-1" role="img" aria-label={`layers: ${plan.layers.filter((l) => l.frozen).length} frozen of ${plan.layers.length}`}>
            {plan.layers.map((l) => (
              <div
                key={l.i}
                title={`model.${l.i} ${l.type} (${l.part}), ${l.params.toLocaleString("en")} params${l.frozen ? ", frozen" : ""}`}
                className={`flex h-10 w-14 flex-col items-center justify-center rounded text-[10px] leading-tight text-white ${PART_COLORS[l.part]} ${l.frozen ? "opacity-100 ring-2 ring-slate-900 [background-image:repeating-linear-gradient(45deg,transparent,transparent_4px,rgba(0,0,0,.25)_4px,rgba(0,0,0,.25)_8px)]" : "opacity-60"}`}
                data-frozen={l.frozen}
              >
                <span>{l.i}</span>
                <span className="truncate px-0.5">{l.type}</span>
              </div>
            ))}
          </div>
          <p className="mt-1 flex gap-4 text-xs text-slate-600">
            {Object.entries(PART_COLORS).map(([part, c]) => (
              <span key={part} className="flex items-center gap-1">
                <span className={`inline-block h-3 w-3 rounded ${c}`} /> {part}
              </span>
            ))}
            <span>hatched + outlined = frozen</span>
          </p>
        </div>
      ) : (
        <p className="text-slate-600">The freeze picture appears once the base model reports its layers.</p>
      )}
      <SaveFooter editable={props.editable} pending={pending} label="Save recipe" message={message} testId="recipe-message" />
    </form>
  );
}
