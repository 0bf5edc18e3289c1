import { countTasksByState } from "@/db/queries/tasks";
import { guardProjectPage } from "@/lib/auth/page";
import { NotYetAvailable, PageHeader, Stat } from "@/components/shell/page-header";

export const metadata = { title: "Review" };

export default async function ReviewPage({ params }: { params: Promise<{ project: string }> }) {
  const { db, access } = await guardProjectPage(params, "review.decide");
  const tasks = await countTasksByState(db, access.project.id);
  return (
    <>
      <PageHeader title="Review">Verify annotations. Only verified samples enter the fine-tune pool; nobody reviews their own boxes.</PageHeader>
      <div className="mb-6 grid max-w-md grid-cols-2 gap-4">
        <Stat label="Waiting for review" value={tasks.submitted ?? 0} />
        <Stat label="Accepted" value={tasks.accepted ?? 0} />
      </div>
      <NotYetAvailable what="The review queue arrives with the annotation and review issue." />
    </>
  );
}
