import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { listProjectsForUser } from "@/db/queries/projects";
import { visibleNav } from "@/lib/auth/permissions";
import { currentUser } from "@/lib/auth/session";
import { AppShell } from "@/components/shell/app-shell";

export const dynamic = "force-dynamic";

export default async function ProjectLayout({ children, params }: { children: React.ReactNode; params: Promise<{ project: string }> }) {
  const { project: slug } = await params;
  const user = await currentUser();
  if (!user) redirect("/login");
  const projects = await listProjectsForUser(await getDb(), user.userId);
  const current = projects.find((p) => p.slug === slug);
  if (!current) notFound(); // not a member: the project does not exist for them
  return (
    <AppShell
      user={{ name: user.name, email: user.email }}
      project={{ slug: current.slug, name: current.name, roles: current.roles }}
      projects={projects.map((p) => ({ slug: p.slug, name: p.name }))}
      nav={visibleNav(current.roles).map((n) => ({ href: `/p/${slug}/${n.href}`, label: n.label }))}
    >
      {children}
    </AppShell>
  );
}
