import { currentBase, previewMix } from "@/db/queries/manifests";
import { projectRecipeDefaults } from "@/db/queries/training";
import { listTriggers, triggerSettings } from "@/db/queries/triggers";
import { resolveRecipe } from "@/lib/recipe";
import { listJobs } from "@/db/queries/jobs";
import { guardProjectPage } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { PageHeader, ProgressBar } from "@/components/shell/page-header";
import { JobsPanel } from "@/components/training/jobs-panel";
import { FreezeButton } from "@/components/training/freeze-button";
import { MixPreview } from "@/components/training/mix-preview";
import { PolicyForm } from "@/components/training/policy-form";
import { RecipeForm } from "@/components/training/recipe-form";
import { TriggersForm } from "@/components/training/triggers-form";

export const metadata = { title: "Training" };

export default async function TrainingPage({ params }: { params: Promise<{ project: string }> }) {
  const { db, access } = await guardProjectPage(params, "training.view");
  const projectId = access.project.id;
  const [jobs, preview, recipeDefaults, base, triggers, history] = await Promise.all([listJobs(db, projectId), previewMix(db, projectId), projectRecipeDefaults(db, projectId), currentBase(db, projectId), triggerSettings(db, projectId), listTriggers(db, projectId)]);
  const lead = can(access.roles, "training.trigger");
  const slug = access.project.slug;
  const effective = resolveRecipe({ kind: "finetune", projectDefaults: recipeDefaults, base, seed: 0 });
  return (
    <>
      <PageHeader title="Training">Fine-tunes always start from the base model and mix the pool with anchor data.</PageHeader>
      <div className="grid max-w-6xl gap-6 lg:grid-cols-3">
        <section className="rounded-lg border border-slate-200 bg-white p-5 lg:col-span-2" aria-labelledby="mix">
          <h2 id="mix" className="mb-3 text-lg font-semibold">
            Mix preview
          </h2>
          <MixPreview preview={preview} />
          {lead && (
            <div className="mt-4 flex flex-wrap gap-3">
              <FreezeButton project={slug} kind="finetune" label="Freeze fine-tune manifest" disabled={!preview.plan.allowed} />
              {preview.poolTotal >= preview.policy.baseRetrainAt && <FreezeButton project={slug} kind="base_retrain" label="Freeze base-retrain manifest" />}
            </div>
          )}
        </section>
        <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="thresholds">
          <h2 id="thresholds" className="text-lg font-semibold">
            Thresholds
          </h2>
          <ProgressBar label={`New since the last fine-tune (${preview.policy.minimum} to fine-tune)`} value={preview.newSinceLastFinetune} target={preview.policy.minimum} />
          <ProgressBar label={`Pool toward a base retrain (${preview.policy.baseRetrainAt.toLocaleString("en")})`} value={preview.poolTotal} target={preview.policy.baseRetrainAt} />
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-5 lg:col-span-3" aria-labelledby="policy">
          <h2 id="policy" className="mb-3 text-lg font-semibold">
            Mixing policy {lead ? "" : "(read-only)"}
          </h2>
          <PolicyForm project={slug} policy={preview.policy} editable={lead} />
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-5 lg:col-span-2" aria-labelledby="recipe">
          <h2 id="recipe" className="mb-3 text-lg font-semibold">
            Fine-tune recipe {lead ? "" : "(read-only)"}
          </h2>
          <RecipeForm project={slug} defaults={recipeDefaults} effective={effective} layers={base?.layers ?? null} baseName={base?.name ?? null} editable={lead} />
        </section>
        <section className="rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="triggers">
          <h2 id="triggers" className="mb-3 text-lg font-semibold">
            Triggers
          </h2>
          <TriggersForm project={slug} settings={triggers} history={history.map((t) => ({ ...t, createdAt: t.createdAt.toISOString() }))} editable={lead} />
        </section>
      </div>
      <JobsPanel
        project={slug}
        canTrigger={lead}
        hasBase={!!preview.base}
        finetuneAllowed={preview.plan.allowed}
        retrainAllowed={preview.poolTotal >= preview.policy.baseRetrainAt}
        initial={jobs.map((j) => ({ id: j.id, kind: j.kind, state: j.state, attempts: j.attempts, leaseOwner: j.leaseOwner, error: j.error, resultModelId: j.resultModelId, progress: j.progress as never, createdAt: j.createdAt.toISOString(), artifacts: j.artifacts }))}
      />
    </>
  );
}
