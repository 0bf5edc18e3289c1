"use client";

import { useRouter } from "next/navigation";

export function ProjectSwitcher({ current, projects }: { current: string; projects: { slug: string; name: string }[] }) {
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">Project</span>
      <select
        aria-label="Project"
        value={current}
        onChange={(e) => router.push(`/p/${e.target.value}`)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1"
      >
        {projects.map((p) => (
          <option key={p.slug} value={p.slug}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
