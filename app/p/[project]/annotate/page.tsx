import { countTasksByState } from "@/db/queries/tasks";
import { guardProjectPage } from "@/lib/auth/page";
import { NotYetAvailable, PageHeader, Stat } from "@/components/shell/page-header";

export const metadata = { title: "Annotate" };

export default async function AnnotatePage({ params }: { params: Promise<{ project: string }> }) {
  const { db, access } = await guardProjectPage(params, "annotation.edit");
  const tasks = await countTasksByState(db, access.project.id);
  return (
    <>
      <PageHeader title="Annotate">Fix the boxes on reported documents, starting from the model&apos;s predictions.</PageHeader>
      <div className="mb-6 grid max-w-2xl grid-cols-3 gap-4">
        <Stat label="Open tasks" value={tasks.open ?? 0} />
        <Stat label="Sent back to you" value={tasks.rejected ?? 0} />
        <Stat label="Waiting for review" value={tasks.submitted ?? 0} />
      </div>
      <NotYetAvailable what="The annotation canvas arrives with the annotation and review issue." />
    </>
  );
}
