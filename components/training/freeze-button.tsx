"use client";

import { useState, useTransition } from "react";
import { freezeManifest } from "@/app/p/[project]/training/actions";

export function FreezeButton({ project, kind, label, disabled }: { project: string; kind: "finetune" | "base_retrain" | "export"; label: string; disabled?: boolean }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-50"
        disabled={pending || disabled}
        onClick={() =>
          start(async () => {
            const res = await freezeManifest({ project, kind });
            setMessage(res.ok ? { ok: true, text: `manifest #${res.data.id} frozen` } : { ok: false, text: res.error });
          })
        }
      >
        {label}
      </button>
      {message && (
        <span role="status" className={`text-sm ${message.ok ? "text-green-700" : "text-red-700"}`}>
          {message.text}
        </span>
      )}
    </span>
  );
}
