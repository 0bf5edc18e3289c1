import { guardProjectPage } from "@/lib/auth/page";
import { TaskPage } from "@/components/annotator/task-page";

export const metadata = { title: "Annotate" };

export default async function AnnotateTaskPage({ params }: { params: Promise<{ project: string; task: string }> }) {
  const { db, access, user } = await guardProjectPage(params, "annotation.edit");
  return <TaskPage db={db} access={access} userId={user.userId} taskId={(await params).task} mode="annotate" />;
}
