import { guardProjectPage } from "@/lib/auth/page";
import { TaskPage } from "@/components/annotator/task-page";

export const metadata = { title: "Review" };

export default async function ReviewTaskPage({ params }: { params: Promise<{ project: string; task: string }> }) {
  const { db, access, user } = await guardProjectPage(params, "review.decide");
  return <TaskPage db={db} access={access} userId={user.userId} taskId={(await params).task} mode="review" />;
}
