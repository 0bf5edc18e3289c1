import { countPoolEntries } from "@/db/queries/pool";
import { guardProjectPage } from "@/lib/auth/page";
import { PageHeader, ProgressBar } from "@/components/shell/page-header";

export const metadata = { title: "Fine-tune pool" };

export default async function PoolPage({ params }: { params: Promise<{ project: string }> }) {
  const { db, access } = await guardProjectPage(params, "pool.view");
  const total = await countPoolEntries(db, access.project.id);
  return (
    <>
      <PageHeader title="Fine-tune pool">Verified samples only. Append-only: nothing in it is ever deleted.</PageHeader>
      <div className="max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <ProgressBar label="Toward a fine-tune (50 samples)" value={total} target={50} />
        <ProgressBar label="Toward a base retrain (2,000 samples)" value={total} target={2000} />
        {total === 0 && <p className="text-sm text-slate-600">The pool is empty: reviewed samples will appear here.</p>}
      </div>
    </>
  );
}
