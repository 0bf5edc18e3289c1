/** The Save button and the server's answer under a settings form (policy, recipe, triggers). */
export function SaveFooter(props: { editable: boolean; pending: boolean; label: string; message: { ok: boolean; text: string } | null; testId: string }) {
  return (
    <>
      {props.editable && (
        <button className="rounded bg-blue-700 px-3 py-1.5 font-medium text-white disabled:opacity-60" disabled={props.pending}>
          {props.label}
        </button>
      )}
      {props.message && (
        <p role="status" className={props.message.ok ? "text-green-700" : "text-red-700"} data-testid={props.testId}>
          {props.message.text}
        </p>
      )}
    </>
  );
}
