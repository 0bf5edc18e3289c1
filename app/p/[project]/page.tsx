import { redirect } from "next/navigation";
import { homeSection } from "@/lib/auth/permissions";
import { guardProjectPage } from "@/lib/auth/page";

export default async function ProjectHome({ params }: { params: Promise<{ project: string }> }) {
  const { access } = await guardProjectPage(params, "project.view");
  redirect(`/p/${access.project.slug}/${homeSection(access.roles)}`);
}
