"use client";

import { useState, useTransition } from "react";
import { createToken, revokeToken } from "@/app/p/[project]/admin/actions";

type Token = { id: number; kind: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

export function TokenPanel({ project, tokens }: { project: string; tokens: Token[] }) {
  const [pending, start] = useTransition();
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="tokens" className="mt-10 max-w-5xl">
      <h2 id="tokens" className="mb-2 text-lg font-semibold">
        API tokens
      </h2>
      <form
        className="mb-3 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          start(async () => {
            const res = await createToken({ project, kind: f.get("kind") as "production" | "runner", name: String(f.get("name")) });
            if (res.ok) {
              setSecret(res.data.token);
              setError(null);
            } else setError(res.error);
          });
        }}
      >
        <label className="flex flex-col">
          Name <input name="name" required className="rounded border border-slate-300 px-2 py-1" placeholder="e.g. invoice-service" />
        </label>
        <label className="flex flex-col">
          Kind
          <select name="kind" className="rounded border border-slate-300 px-2 py-1">
            <option value="production">production system</option>
            <option value="runner">training runner</option>
          </select>
        </label>
        <button disabled={pending} className="rounded bg-blue-700 px-3 py-1.5 font-medium text-white">
          Create token
        </button>
        {error && <p role="alert" className="text-red-700">{error}</p>}
      </form>
      {secret && (
        <div role="status" className="mb-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
          Copy this token now; it is not shown again: <code data-testid="new-token" className="break-all font-mono">{secret}</code>
        </div>
      )}
      <table className="w-full rounded-lg bg-white text-sm shadow-sm">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th className="p-2">Name</th>
            <th className="p-2">Kind</th>
            <th className="p-2">Prefix</th>
            <th className="p-2">Last used</th>
            <th className="p-2">Status</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} className="border-t border-slate-200">
              <td className="p-2">{t.name}</td>
              <td className="p-2">{t.kind}</td>
              <td className="p-2 font-mono">{t.prefix}…</td>
              <td className="p-2">{t.lastUsedAt?.slice(0, 16).replace("T", " ") ?? "never"}</td>
              <td className="p-2">
                {t.revokedAt ? (
                  <span className="text-slate-500">revoked</span>
                ) : (
                  <button
                    disabled={pending}
                    className="rounded border border-red-300 px-2 py-0.5 text-red-700 hover:bg-red-50"
                    onClick={() => start(async () => void (await revokeToken({ project, tokenId: t.id })))}
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
