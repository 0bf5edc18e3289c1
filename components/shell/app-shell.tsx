import Link from "next/link";
import { NavLinks } from "./nav-links";
import { ProjectSwitcher } from "./project-switcher";
import { SignOutButton } from "./sign-out-button";

type Props = {
  user: { name: string; email: string };
  project: { slug: string; name: string; roles: string[] };
  projects: { slug: string; name: string }[];
  nav: { href: string; label: string }[];
  children: React.ReactNode;
};

export function AppShell({ user, project, projects, nav, children }: Props) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center gap-4 border-b border-slate-200 bg-white px-4 py-2">
        <Link href="/" className="text-lg font-bold text-blue-800">
          FieldLoop
        </Link>
        <ProjectSwitcher current={project.slug} projects={projects} />
        <NavLinks items={nav} />
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span className="text-slate-600" data-testid="whoami">
            {user.name} · <span className="font-medium">{project.roles.map((r) => r.replace("_", " ")).join(", ")}</span>
          </span>
          <SignOutButton />
        </div>
      </header>
      <main className="flex-1 p-6">{children}</main>
    </div>
  );
}
