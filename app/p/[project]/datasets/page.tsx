import Image from "next/image";
import { countDocumentsByOrigin, listDocuments } from "@/db/queries/documents";
import { listImports } from "@/db/queries/imports";
import { listManifests } from "@/db/queries/manifests";
import { guardProjectPage } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { ImportPanel } from "@/components/datasets/import-panel";
import { ManifestList } from "@/components/datasets/manifest-list";
import { FreezeButton } from "@/components/training/freeze-button";
import { PageHeader, Stat } from "@/components/shell/page-header";

export const metadata = { title: "Datasets" };

export default async function DatasetsPage({ params }: { params: Promise<{ project: string }> }) {
  const { db, access } = await guardProjectPage(params, "dataset.view");
  const rows = await countDocumentsByOrigin(db, access.project.id);
  const n = (origin: string, split?: string) =>
    rows.filter((r) => r.origin === origin && (split === undefined || r.split === split)).reduce((a, r) => a + r.n, 0);
  const sample = await listDocuments(db, { projectId: access.project.id, origin: "anchor_train", limit: 12 });
  const slug = access.project.slug;
  const [imports, manifests] = await Promise.all([listImports(db, access.project.id), listManifests(db, access.project.id)]);
  return (
    <>
      <PageHeader title="Datasets">
        The original training set is the anchor; its held-out test split is frozen and is what Gate 1 measures.
      </PageHeader>
      <div className="grid max-w-4xl grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label="Anchor train" value={n("anchor_train", "train")} />
        <Stat label="Anchor val" value={n("anchor_train", "val")} />
        <Stat label="Held-out test (frozen)" value={n("anchor_test")} />
        <Stat label="Production documents" value={n("production")} />
      </div>
      <h2 className="mt-8 mb-2 text-lg font-semibold">Classes</h2>
      <ol className="flex max-w-4xl flex-wrap gap-2 text-sm">
        {access.project.classes.map((c, i) => (
          <li key={c} className="rounded-full border border-slate-300 bg-white px-3 py-1">
            <span className="text-slate-500">{i}</span> {c}
          </li>
        ))}
      </ol>
      <ImportPanel
        project={slug}
        canImport={can(access.roles, "dataset.import")}
        initial={imports.map((i) => ({ ...i, createdAt: i.createdAt.toISOString(), errors: i.errors ?? null, counts: (i.counts as Record<string, unknown> | null) ?? null }))}
      />
      <section aria-labelledby="manifests" className="mt-8">
        <div className="mb-2 flex max-w-4xl items-center justify-between">
          <h2 id="manifests" className="text-lg font-semibold">
            Dataset manifests
          </h2>
          {can(access.roles, "training.trigger") && <FreezeButton project={slug} kind="export" label="Freeze an anchor export" />}
        </div>
        <ManifestList project={slug} manifests={manifests.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() }))} />
      </section>
      {sample.length > 0 && (
        <>
          <h2 className="mt-8 mb-2 text-lg font-semibold">Anchor sample</h2>
          <div className="grid max-w-5xl grid-cols-3 gap-3 md:grid-cols-6">
            {sample.map((d) => (
              <figure key={d.id} className="rounded border border-slate-200 bg-white p-1">
                <Image
                  unoptimized
                  src={`/api/v1/projects/${slug}/documents/${d.id}/image`}
                  alt={`Document ${d.id}`}
                  width={d.width}
                  height={d.height}
                  className="h-auto w-full"
                />
                <figcaption className="truncate text-xs text-slate-500">{d.sourceName}</figcaption>
              </figure>
            ))}
          </div>
        </>
      )}
    </>
  );
}
