import Link from "next/link";
import { countTasksByState, listTasks } from "@/db/queries/tasks";
import { guardProjectPage } from "@/lib/auth/page";
import { PageHeader, Stat } from "@/components/shell/page-header";
import { TaskQueue } from "@/components/annotator/task-queue";
import { UploadFailure } from "@/components/annotator/upload-failure";

export const metadata = { title: "Annotate" };

export default async function AnnotatePage({ params }: { params: Promise<{ project: string }> }) {
  const { db, access } = await guardProjectPage(params, "annotation.edit");
  const [counts, queue] = await Promise.all([countTasksByState(db, access.project.id), listTasks(db, access.project.id, ["rejected", "in_progress", "open"])]);
  const slug = access.project.slug;
  // rework first: pages the reviewer sent back, then started ones, then new ones
  const order = { rejected: 0, in_progress: 1, open: 2 } as Record<string, number>;
  const rows = [...queue].sort((a, b) => (order[a.state] ?? 3) - (order[b.state] ?? 3));
  return (
    <>
      <PageHeader title="Annotate">Fix the boxes on reported documents, starting from the model&apos;s predictions.</PageHeader>
      <div className="mb-6 grid max-w-3xl grid-cols-3 gap-4">
        <Stat label="Open tasks" value={(counts.open ?? 0) + (counts.in_progress ?? 0)} />
        <Stat label="Sent back to you" value={counts.rejected ?? 0} />
        <Stat label="Waiting for review" value={counts.submitted ?? 0} />
      </div>
      {rows[0] && (
        <Link href={`/p/${slug}/annotate/${rows[0].id}`} className="mb-4 inline-block rounded bg-blue-700 px-4 py-2 font-medium text-white">
          Start annotating
        </Link>
      )}
      <TaskQueue project={slug} mode="annotate" rows={rows} empty="No open tasks: reported failures appear here." />
      <h2 className="mt-8 mb-2 text-lg font-semibold">Report a failed document</h2>
      <UploadFailure project={slug} />
      <p className="mt-2 text-sm text-slate-600">
        Production systems report failures through the API: see <Link className="text-blue-700 underline" href={`/p/${slug}/api-reference`}>API reference</Link>.
      </p>
    </>
  );
}
