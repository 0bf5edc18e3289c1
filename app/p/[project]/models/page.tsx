import { listModelVersions, productionModel } from "@/db/queries/models";
import { guardProjectPage } from "@/lib/auth/page";
import { NotYetAvailable, PageHeader } from "@/components/shell/page-header";

export const metadata = { title: "Models" };

const MAP50 = "metrics/mAP50(B)";

/** Every version, grouped by base generation: base_vN, then its fine-tunes ft_vN.M (all trained from base_vN). */
export default async function ModelsPage({ params }: { params: Promise<{ project: string }> }) {
  const { db, access } = await guardProjectPage(params, "model.view");
  const [models, production] = await Promise.all([listModelVersions(db, access.project.id), productionModel(db, access.project.id)]);
  const generations = [...new Set(models.map((m) => m.generation))];
  return (
    <>
      <PageHeader title="Models">Every version is kept for rollback. Promotion is a human decision.</PageHeader>
      {models.length === 0 ? (
        <NotYetAvailable what="No model versions yet: train the first base model on the Training page." />
      ) : (
        <div className="max-w-5xl space-y-6">
          {generations.map((g) => (
            <section key={g} className="rounded-lg border border-slate-200 bg-white p-4" aria-label={`generation ${g}`}>
              <ul className="space-y-2 text-sm">
                {models
                  .filter((m) => m.generation === g)
                  .sort((a, b) => a.minor - b.minor)
                  .map((m) => {
                    const metrics = (m.metrics ?? {}) as Record<string, number>;
                    const map50 = metrics[MAP50];
                    const recipe = m.recipe as { epochs?: number; freeze?: number; lr0?: number };
                    return (
                      <li key={m.id} className={`flex flex-wrap items-center gap-3 ${m.kind === "finetune" ? "ml-8 border-l-2 border-slate-200 pl-3" : ""}`} data-testid={`model-${m.name}`}>
                        <b className="w-20">{m.name}</b>
                        {m.id === production?.id && <span className="rounded bg-green-100 px-2 py-0.5 text-xs font-medium text-green-800">in production</span>}
                        <span className="text-slate-600">
                          {m.kind === "base" ? "base, trained from the architecture" : `fine-tune of base_v${g}`} · {m.architecture} @ {m.imgsz} · {recipe.epochs ?? "?"} epochs, freeze {recipe.freeze ?? "?"}, lr0 {recipe.lr0 ?? "?"}
                        </span>
                        {map50 !== undefined && (
                          <span className="flex items-center gap-2" title="validation mAP50 at the end of training">
                            <span className="inline-block h-2 w-32 rounded bg-slate-200">
                              <span className="block h-2 rounded bg-violet-600" style={{ width: `${Math.round(map50 * 100)}%` }} />
                            </span>
                            <span className="tabular-nums">val mAP50 {map50.toFixed(3)}</span>
                          </span>
                        )}
                        <span className="ml-auto text-xs text-slate-500">{m.createdAt.toISOString().slice(0, 16).replace("T", " ")}</span>
                      </li>
                    );
                  })}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
