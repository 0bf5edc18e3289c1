"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { uploadFailure } from "@/app/p/[project]/annotate/actions";

/** "Report a failed document" from the app: the page becomes an annotation task, like an API report. */
export function UploadFailure({ project }: { project: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const f = new FormData(form);
        const file = f.get("page");
        if (!(file instanceof File) || !file.size) return setMessage({ ok: false, text: "choose an image" });
        start(async () => {
          const bytes = new Uint8Array(await file.arrayBuffer());
          let bin = "";
          for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
          const res = await uploadFailure({ project, imageBase64: btoa(bin), fileName: file.name, comment: String(f.get("comment") ?? "") });
          if (!res.ok) return setMessage({ ok: false, text: res.error });
          setMessage({ ok: true, text: res.data.created ? `task #${res.data.taskId} created` : "this page was already reported" });
          form.reset();
          router.refresh();
        });
      }}
    >
      <label className="flex flex-col">
        Failed page (PNG, JPEG, WebP, TIFF)
        <input name="page" type="file" accept="image/png,image/jpeg,image/webp,image/tiff" />
      </label>
      <label className="flex min-w-64 flex-1 flex-col">
        What went wrong?
        <input name="comment" className="rounded border border-slate-300 px-2 py-1" placeholder="e.g. total not detected" />
      </label>
      <button disabled={pending} className="rounded bg-blue-700 px-3 py-1.5 font-medium text-white">
        Report failure
      </button>
      {message && (
        <p role="status" className={message.ok ? "text-green-700" : "text-red-700"}>
          {message.text}
        </p>
      )}
    </form>
  );
}
