"use client";

import { useState, useTransition } from "react";
import { addMember, setDisabled, updateRoles } from "@/app/p/[project]/admin/actions";
import { ROLES, type Role } from "@/lib/auth/permissions";

type Member = { id: number; email: string; name: string; disabled: boolean; roles: Role[] };

export function MemberRow({ project, member, self }: { project: string; member: Member; self: boolean }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const toggle = (role: Role, on: boolean) =>
    start(async () => {
      const roles = on ? [...member.roles, role] : member.roles.filter((r) => r !== role);
      const res = await updateRoles({ project, userId: member.id, roles });
      setError(res.ok ? null : res.error);
    });
  return (
    <tr className="border-t border-slate-200" data-testid={`member-${member.email}`}>
      <td className="p-2">
        <div className="font-medium">{member.name}</div>
        <div className="text-slate-500">{member.email}</div>
        {error && <div role="alert" className="text-red-700">{error}</div>}
      </td>
      {ROLES.map((r) => (
        <td key={r} className="p-2 text-center">
          <input
            type="checkbox"
            aria-label={`${r} role for ${member.email}`}
            checked={member.roles.includes(r)}
            disabled={pending || (self && r === "admin")}
            onChange={(e) => toggle(r, e.target.checked)}
          />
        </td>
      ))}
      <td className="p-2">
        {self ? (
          <span className="text-slate-500">you</span>
        ) : (
          <button
            className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100"
            disabled={pending}
            onClick={() => start(async () => void (await setDisabled({ project, userId: member.id, disabled: !member.disabled })))}
          >
            {member.disabled ? "Enable" : "Disable"}
          </button>
        )}
      </td>
    </tr>
  );
}

export function AddMemberForm({ project }: { project: string }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      className="mt-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const f = new FormData(form);
        start(async () => {
          const res = await addMember({
            project,
            email: String(f.get("email")),
            name: String(f.get("name")),
            password: String(f.get("password") ?? ""),
            roles: f.getAll("roles").map(String) as Role[],
          });
          setMessage(res.ok ? { ok: true, text: "Saved." } : { ok: false, text: res.error });
          if (res.ok) form.reset();
        });
      }}
    >
      <label className="flex flex-col">
        Email <input name="email" type="email" required className="rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex flex-col">
        Name <input name="name" required className="rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex flex-col">
        Initial password (new users) <input name="password" type="password" className="rounded border border-slate-300 px-2 py-1" />
      </label>
      <fieldset className="flex gap-2">
        <legend className="sr-only">Roles</legend>
        {ROLES.map((r) => (
          <label key={r} className="flex items-center gap-1">
            <input type="checkbox" name="roles" value={r} /> {r.replace("_", " ")}
          </label>
        ))}
      </fieldset>
      <button disabled={pending} className="rounded bg-blue-700 px-3 py-1.5 font-medium text-white">
        Add member
      </button>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-green-700" : "text-red-700"}>
          {message.text}
        </p>
      )}
    </form>
  );
}
