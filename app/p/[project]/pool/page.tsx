import Image from "next/image";
import { previewMix } from "@/db/queries/manifests";
import { listPoolEntries, poolClassCounts } from "@/db/queries/pool";
import { guardProjectPage } from "@/lib/auth/page";
import { PageHeader, ProgressBar, Stat } from "@/components/shell/page-header";
import { classColor } from "@/components/annotator/colors";

export const metadata = { title: "Fine-tune pool" };

export default async function PoolPage({ params }: { params: Promise<{ project: string }> }) {
  const { db, access } = await guardProjectPage(params, "pool.view");
  const [entries, perClass, mix] = await Promise.all([listPoolEntries(db, access.project.id), poolClassCounts(db, access.project.id), previewMix(db, access.project.id)]);
  const slug = access.project.slug;
  const maxPages = Math.max(1, ...[...perClass.values()].map((c) => c.pages));
  return (
    <>
      <PageHeader title="Fine-tune pool">Verified samples only. Append-only: nothing in it is ever deleted; a later correction supersedes an entry.</PageHeader>
      <div className="grid max-w-5xl gap-4 md:grid-cols-3">
        <Stat label="Pages in the pool" value={mix.poolTotal} />
        <Stat label={`New since ${mix.base ? mix.base.name : "the anchor"}`} value={mix.plan.newSamples} />
        <Stat label="New since the last fine-tune" value={mix.newSinceLastFinetune} />
      </div>
      <div className="mt-4 max-w-5xl space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <ProgressBar label={`Toward a fine-tune (${mix.policy.minimum} new samples)`} value={mix.newSinceLastFinetune} target={mix.policy.minimum} />
        <ProgressBar label={`Toward a base retrain (${mix.policy.baseRetrainAt.toLocaleString("en")} samples)`} value={mix.poolTotal} target={mix.policy.baseRetrainAt} />
      </div>
      <section className="mt-6 max-w-5xl rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="per-class">
        <h2 id="per-class" className="mb-2 text-lg font-semibold">
          Pages per class
        </h2>
        <div className="space-y-1 text-xs">
          {access.project.classes.map((name, cls) => {
            const c = perClass.get(cls) ?? { pages: 0, boxes: 0 };
            return (
              <div key={name} className="flex items-center gap-2">
                <span className="w-32 shrink-0 truncate text-right">{name}</span>
                <div className="h-4 flex-1 bg-slate-100">
                  <div className="h-4" style={{ width: `${(c.pages / maxPages) * 100}%`, background: classColor(cls) }} />
                </div>
                <span className="w-28 shrink-0 tabular-nums text-slate-600" data-testid={`pool-class-${name}`}>
                  {c.pages} pages · {c.boxes} boxes
                </span>
              </div>
            );
          })}
        </div>
      </section>
      <h2 className="mt-8 mb-2 text-lg font-semibold">Latest samples</h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">The pool is empty: reviewed samples appear here.</p>
      ) : (
        <ul className="grid max-w-6xl grid-cols-2 gap-3 md:grid-cols-4" data-testid="pool-entries">
          {entries.map((e) => (
            <li key={e.id} className="rounded border border-slate-200 bg-white p-2 text-xs">
              <Image unoptimized src={`/api/v1/projects/${slug}/documents/${e.documentId}/image`} alt={`Document ${e.documentId}`} width={200} height={260} className="h-40 w-full object-contain" />
              <ol className="mt-1 space-y-0.5 text-slate-700" aria-label="Provenance">
                <li>report {e.reportId ? `#${e.reportId}${e.reportExternalId ? ` (${e.reportExternalId})` : ""}${e.reportModel ? ` · ${e.reportModel}` : ""}` : "—"}</li>
                <li>annotated by {e.author ?? "import"}</li>
                <li>verified by {e.reviewer}</li>
                <li>
                  pool entry #{e.id}
                  {e.supersedesEntryId ? ` (supersedes #${e.supersedesEntryId})` : ""} · {e.boxes.length} boxes
                </li>
              </ol>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
