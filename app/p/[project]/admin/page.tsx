import { listAuditLog } from "@/db/queries/audit";
import { listApiTokens } from "@/db/queries/tokens";
import { listProjectMembers } from "@/db/queries/users";
import { guardProjectPage } from "@/lib/auth/page";
import { ROLES } from "@/lib/auth/permissions";
import { PageHeader } from "@/components/shell/page-header";
import { AddMemberForm, MemberRow } from "@/components/admin/members";
import { TokenPanel } from "@/components/admin/tokens";

export const metadata = { title: "Admin" };

export default async function AdminPage({ params }: { params: Promise<{ project: string }> }) {
  const { db, access, user } = await guardProjectPage(params, "admin.users");
  const slug = access.project.slug;
  const [members, tokens, audit] = await Promise.all([
    listProjectMembers(db, access.project.id),
    listApiTokens(db, access.project.id),
    listAuditLog(db, access.project.id, 30),
  ]);
  return (
    <>
      <PageHeader title="Admin">Users and roles, API tokens for production systems and training runners, and the audit log.</PageHeader>
      <section aria-labelledby="members" className="max-w-5xl">
        <h2 id="members" className="mb-2 text-lg font-semibold">
          Members of {access.project.name}
        </h2>
        <table className="w-full border-collapse overflow-hidden rounded-lg bg-white text-sm shadow-sm">
          <thead className="bg-slate-100 text-left">
            <tr>
              <th className="p-2">User</th>
              {ROLES.map((r) => (
                <th key={r} className="p-2 text-center">
                  {r.replace("_", " ")}
                </th>
              ))}
              <th className="p-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <MemberRow key={m.id} project={slug} member={m} self={m.id === user.userId} />
            ))}
          </tbody>
        </table>
        <AddMemberForm project={slug} />
      </section>
      <TokenPanel project={slug} tokens={tokens.map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null, revokedAt: t.revokedAt?.toISOString() ?? null }))} />
      <section aria-labelledby="audit" className="mt-10 max-w-5xl">
        <h2 id="audit" className="mb-2 text-lg font-semibold">
          Audit log
        </h2>
        <ul className="divide-y divide-slate-200 rounded-lg bg-white text-sm shadow-sm">
          {audit.map((a) => (
            <li key={a.id} className="flex gap-4 p-2">
              <time className="w-44 shrink-0 text-slate-500">{a.createdAt.toISOString().replace("T", " ").slice(0, 19)}</time>
              <span className="w-56 shrink-0">{a.actorEmail ?? (a.actorTokenId ? `token #${a.actorTokenId}` : "system")}</span>
              <span className="font-medium">{a.action}</span>
              <span className="truncate text-slate-600">
                {a.targetType} {a.targetId} {a.data ? JSON.stringify(a.data) : ""}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
