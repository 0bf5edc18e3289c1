import Link from "next/link";
import { countTasksByState, listTasks } from "@/db/queries/tasks";
import { guardProjectPage } from "@/lib/auth/page";
import { PageHeader, Stat } from "@/components/shell/page-header";
import { TaskQueue } from "@/components/annotator/task-queue";

export const metadata = { title: "Review" };

export default async function ReviewPage({ params }: { params: Promise<{ project: string }> }) {
  const { db, access } = await guardProjectPage(params, "review.decide");
  const [counts, queue] = await Promise.all([countTasksByState(db, access.project.id), listTasks(db, access.project.id, ["submitted"])]);
  const slug = access.project.slug;
  return (
    <>
      <PageHeader title="Review">Verify annotations. Only verified samples enter the fine-tune pool; nobody reviews their own boxes.</PageHeader>
      <div className="mb-6 grid max-w-md grid-cols-2 gap-4">
        <Stat label="Waiting for review" value={counts.submitted ?? 0} />
        <Stat label="Accepted" value={counts.accepted ?? 0} />
      </div>
      {queue[0] && (
        <Link href={`/p/${slug}/review/${queue[0].id}`} className="mb-4 inline-block rounded bg-blue-700 px-4 py-2 font-medium text-white">
          Start reviewing
        </Link>
      )}
      <TaskQueue project={slug} mode="review" rows={queue} empty="Nothing waits for review." />
    </>
  );
}
