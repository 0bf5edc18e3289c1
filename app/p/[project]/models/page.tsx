import { listModelVersions } from "@/db/queries/models";
import { guardProjectPage } from "@/lib/auth/page";
import { NotYetAvailable, PageHeader } from "@/components/shell/page-header";

export const metadata = { title: "Models" };

export default async function ModelsPage({ params }: { params: Promise<{ project: string }> }) {
  const { db, access } = await guardProjectPage(params, "model.view");
  const models = await listModelVersions(db, access.project.id);
  return (
    <>
      <PageHeader title="Models">Every version is kept for rollback. Promotion is a human decision.</PageHeader>
      {models.length === 0 ? (
        <NotYetAvailable what="No model versions yet. The demo base model arrives with the training-runner issue." />
      ) : (
        <ul className="space-y-1">
          {models.map((m) => (
            <li key={m.id}>
              {m.name} · {m.kind} · {m.architecture}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
