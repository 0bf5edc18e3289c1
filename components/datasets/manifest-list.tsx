type Manifest = { id: number; kind: string; seed: number; generation: number | null; counts: unknown; contentSha256: string; createdAt: string };

/** Frozen manifests with their downloads: JSON record, YOLO zip, COCO zip. */
export function ManifestList({ project, manifests }: { project: string; manifests: Manifest[] }) {
  if (!manifests.length) return <p className="text-sm text-slate-600">No manifests yet.</p>;
  const base = `/api/v1/projects/${project}/manifests`;
  return (
    <table className="w-full max-w-4xl rounded-lg bg-white text-sm shadow-sm">
      <thead className="bg-slate-100 text-left">
        <tr>
          <th className="p-2">#</th>
          <th className="p-2">Kind</th>
          <th className="p-2">Images (new / old / val / holdout)</th>
          <th className="p-2">Seed</th>
          <th className="p-2">Digest</th>
          <th className="p-2">Download</th>
        </tr>
      </thead>
      <tbody>
        {manifests.map((m) => {
          const c = m.counts as Record<string, number>;
          return (
            <tr key={m.id} className="border-t border-slate-200">
              <td className="p-2">{m.id}</td>
              <td className="p-2">{m.kind.replace("_", " ")}</td>
              <td className="p-2 tabular-nums">
                {c.new ?? 0} / {c.old ?? 0} / {c.val ?? 0} / {c.holdout ?? 0}
              </td>
              <td className="p-2 tabular-nums">{m.seed}</td>
              <td className="p-2 font-mono text-xs" title={m.contentSha256}>
                {m.contentSha256.slice(0, 12)}
              </td>
              <td className="space-x-2 p-2">
                <a className="text-blue-700 underline" href={`${base}/${m.id}`}>
                  JSON
                </a>
                <a className="text-blue-700 underline" href={`${base}/${m.id}/export?format=yolo`}>
                  YOLO
                </a>
                <a className="text-blue-700 underline" href={`${base}/${m.id}/export?format=coco`}>
                  COCO
                </a>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
