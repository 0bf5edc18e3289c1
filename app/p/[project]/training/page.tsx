import { listTrainingJobs } from "@/db/queries/models";
import { guardProjectPage } from "@/lib/auth/page";
import { NotYetAvailable, PageHeader } from "@/components/shell/page-header";

export const metadata = { title: "Training" };

export default async function TrainingPage({ params }: { params: Promise<{ project: string }> }) {
  const { db, access } = await guardProjectPage(params, "training.view");
  const jobs = await listTrainingJobs(db, access.project.id);
  return (
    <>
      <PageHeader title="Training">Fine-tunes always start from the base model and mix the pool with anchor data.</PageHeader>
      {jobs.length === 0 ? (
        <NotYetAvailable what="No training jobs yet. Triggering fine-tunes arrives with the training-runner issue." />
      ) : (
        <ul className="space-y-1">
          {jobs.map((j) => (
            <li key={j.id}>
              #{j.id} {j.kind} · {j.state}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
