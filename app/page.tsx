import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { listProjectsForUser } from "@/db/queries/projects";
import { homeSection } from "@/lib/auth/permissions";
import { currentUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Sends each person to their role's home in their first project. */
export default async function Home() {
  const user = await currentUser();
  if (!user) redirect("/login");
  const [first] = await listProjectsForUser(await getDb(), user.userId);
  if (!first) {
    return (
      <main className="mx-auto max-w-lg p-10 text-center">
        <h1 className="text-xl font-semibold">No project yet</h1>
        <p className="mt-3 text-slate-600">Ask an admin to give you a role in a project.</p>
      </main>
    );
  }
  redirect(`/p/${first.slug}/${homeSection(first.roles)}`);
}
