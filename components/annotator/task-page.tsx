import { notFound } from "next/navigation";
import type { Db } from "@/db/client";
import { getTaskWorkspace, queueNeighbours } from "@/db/queries/tasks";
import type { ProjectAccess } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { Workspace } from "./workspace";

/** Server part of the annotate and review workspaces: loads the task and hands it to the canvas. */
export async function TaskPage({ db, access, userId, taskId, mode }: { db: Db; access: ProjectAccess; userId: number; taskId: string; mode: "annotate" | "review" }) {
  const id = /^\d{1,9}$/.test(taskId) ? Number(taskId) : NaN;
  if (!Number.isSafeInteger(id)) notFound();
  const ws = await getTaskWorkspace(db, access.project.id, id).catch((e) => {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  });
  const states = mode === "annotate" ? (["open", "in_progress", "rejected"] as const) : (["submitted"] as const);
  const neighbours = await queueNeighbours(db, access.project.id, [...states], id);
  const predictions = ws.report?.predictions ?? [];
  const draft = ws.task.draft as { boxes: typeof predictions; pending: typeof predictions } | null;
  // start from: the saved draft, else the current revision (rework / review), else the model's drafts
  const initialBoxes = draft?.boxes ?? ws.revision?.boxes ?? [];
  const initialDrafts = draft ? draft.pending : ws.revision ? [] : predictions;
  return (
    <Workspace
      mode={mode}
      project={access.project.slug}
      classes={access.project.classes}
      task={{ id: ws.task.id, version: ws.task.version, state: ws.task.state }}
      document={ws.document}
      initialBoxes={initialBoxes.map(({ cls, cx, cy, w, h }) => ({ cls, cx, cy, w, h }))}
      initialDrafts={initialDrafts}
      predictions={predictions}
      lastReview={ws.lastReview}
      neighbours={neighbours}
      authoredByMe={ws.revision?.authorId === userId}
      reportComment={ws.report?.comment ?? null}
    />
  );
}
