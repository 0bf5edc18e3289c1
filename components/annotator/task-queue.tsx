import Link from "next/link";

type Row = { id: number; state: string; documentId: number; createdAt: Date; skipReason: string | null };

export function TaskQueue({ project, mode, rows, empty }: { project: string; mode: "annotate" | "review"; rows: Row[]; empty: string }) {
  if (!rows.length) return <p className="rounded border border-dashed border-slate-300 bg-white p-4 text-slate-600">{empty}</p>;
  return (
    <table className="w-full max-w-3xl rounded-lg bg-white text-sm shadow-sm" data-testid={`${mode}-queue`}>
      <thead className="bg-slate-100 text-left">
        <tr>
          <th className="p-2">Task</th>
          <th className="p-2">Document</th>
          <th className="p-2">State</th>
          <th className="p-2">Waiting since</th>
          <th className="p-2" />
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => (
          <tr key={t.id} className="border-t border-slate-200">
            <td className="p-2">#{t.id}</td>
            <td className="p-2">{t.documentId}</td>
            <td className="p-2">{t.state.replace("_", " ")}</td>
            <td className="p-2">{t.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
            <td className="p-2">
              <Link className="text-blue-700 underline" href={`/p/${project}/${mode}/${t.id}`}>
                {mode === "annotate" ? "Open" : "Review"}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
