"use client";

import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { autosaveTask, correctReview, decideReview, skipAnnotation, submitAnnotation } from "@/app/p/[project]/annotate/actions";
import type { Box } from "@/lib/boxes";
import { diffBoxes, type DiffEntry } from "@/lib/annotator/diff";
import { fromYolo, toYolo } from "@/lib/annotator/geometry";
import { emptyHistory, perform, redo, undo, type History } from "@/lib/annotator/history";
import { keyOutcome, SHORTCUTS } from "@/lib/annotator/keys";
import { initialState, visibleBoxes, visibleDrafts, type Draft, type EditorState } from "@/lib/annotator/state";
import { idle, pointer, type ToolState } from "@/lib/annotator/tools";
import type { CanvasPointer, View } from "./canvas";
import { classColor } from "./colors";

// Konva needs `window`: load the canvas on the client only.
const AnnotationCanvas = dynamic(() => import("./canvas").then((m) => m.AnnotationCanvas), { ssr: false });

type Prediction = Box & { conf: number };
export type WorkspaceProps = {
  mode: "annotate" | "review";
  project: string;
  classes: string[];
  task: { id: number; version: number; state: string };
  document: { id: number; width: number; height: number; sourceName: string | null };
  initialBoxes: Box[];
  initialDrafts: Prediction[];
  predictions: Prediction[];
  lastReview: { decision: string; comment: string | null; pin: { x: number; y: number } | { boxIndex: number } | null } | null;
  neighbours: { next: number | null; previous: number | null };
  authoredByMe: boolean;
  reportComment: string | null;
};

type Doc = { state: EditorState; history: History };

const toEditor = (boxes: Box[]) => boxes.map((b, i) => fromYolo(b, `b${i}`));
const toDrafts = (preds: Prediction[]): Draft[] => preds.map((p, i) => ({ ...fromYolo(p, `d${i}`), conf: p.conf }));

export function Workspace(props: WorkspaceProps) {
  const router = useRouter();
  const { mode, project, classes, document: page } = props;
  const [doc, setDoc] = useState<Doc>(() => ({ state: initialState({ boxes: toEditor(props.initialBoxes), drafts: toDrafts(props.initialDrafts) }), history: emptyHistory() }));
  const [live, setLive] = useState<EditorState | null>(null); // preview during a gesture
  const [tool, setTool] = useState<ToolState>(idle("select"));
  const [brush, setBrush] = useState<{ x: number; y: number; w: number; h: number } | null>(null);
  const [view, setView] = useState<View>({ scale: 0.2, x: 0, y: 0 });
  const [size, setSize] = useState({ width: 800, height: 600 });
  const [help, setHelp] = useState(false);
  const [search, setSearch] = useState<string | null>(null);
  const [status, setStatus] = useState<string>("");
  const [error, setError] = useState<string | null>(null);
  const version = useRef(props.task.version);
  const containerRef = useRef<HTMLDivElement>(null);
  const pan = useRef<{ from: { x: number; y: number }; view: View } | null>(null);
  const space = useRef(false);
  const fitted = useRef(false);
  const state = live ?? doc.state;

  // ---- view ----
  const fit = useCallback(() => {
    const s = Math.min(size.width / page.width, size.height / page.height) * 0.96;
    setView({ scale: s, x: (size.width - page.width * s) / 2, y: (size.height - page.height * s) / 2 });
  }, [size, page.width, page.height]);
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    ro.observe(el);
    setSize({ width: el.clientWidth, height: el.clientHeight });
    return () => ro.disconnect();
  }, []);
  useEffect(() => {
    if (!fitted.current && size.width > 100) {
      fitted.current = true;
      fit();
    }
  }, [size, fit]);
  const zoomAt = (factor: number, at: { x: number; y: number }) =>
    setView((v) => {
      const scale = Math.min(8, Math.max(0.05, v.scale * factor));
      const k = scale / v.scale;
      return { scale, x: at.x - (at.x - v.x) * k, y: at.y - (at.y - v.y) * k };
    });

  // ---- editing ----
  const commit = useCallback((label: string, commands: Parameters<typeof perform>[3], base?: EditorState, keepSelection?: string[]) => {
    setDoc((d) => {
      const done = perform(base ?? d.state, d.history, label, commands);
      return { state: keepSelection ? { ...done.state, selection: keepSelection } : done.state, history: done.history };
    });
  }, []);

  const onPointer = (e: CanvasPointer) => {
    if (e.type === "down" && (e.button === 1 || space.current)) {
      pan.current = { from: e.screen, view };
      return;
    }
    if (pan.current) {
      const p = pan.current;
      setView({ ...p.view, x: p.view.x + e.screen.x - p.from.x, y: p.view.y + e.screen.y - p.from.y });
      if (e.type === "up") pan.current = null;
      return;
    }
    if (e.type === "move" && tool.mode === "idle") return;
    const r = pointer(tool, live ?? doc.state, { type: e.type, p: e.p, shift: e.shift }, { unitsPerPixel: 1 / (view.scale * page.width) });
    setTool(r.tool);
    setBrush(r.brush ?? null);
    if (r.commit) {
      commit(r.commit.label, r.commit.commands, r.commit.base, r.state.selection);
      setLive(null);
    } else if (r.tool.mode === "idle") {
      setDoc((d) => ({ ...d, state: r.state }));
      setLive(null);
    } else setLive(r.state);
  };

  const applyKey = useCallback(
    (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable)) return;
      if (e.key === " ") {
        space.current = e.type === "keydown";
        e.preventDefault();
        return;
      }
      if (e.type !== "keydown") return;
      if (e.key === "Escape" && tool.mode !== "idle") {
        const r = pointer(tool, state, { type: "cancel", p: { x: 0, y: 0 } }, { unitsPerPixel: 1 });
        setTool(r.tool);
        setLive(null);
        setBrush(null);
        setDoc((d) => ({ ...d, state: r.state }));
        return;
      }
      const out = keyOutcome(doc.state, { key: e.key, ctrl: e.ctrlKey || e.metaKey, shift: e.shiftKey });
      if (out.kind === "none") return;
      e.preventDefault();
      if (out.kind === "edit") commit(out.label, out.commands);
      else if (out.kind === "state") setDoc((d) => ({ ...d, state: out.state }));
      else if (out.action === "undo") setDoc((d) => undo(d.state, d.history));
      else if (out.action === "redo") setDoc((d) => redo(d.state, d.history));
      else if (out.action === "fit") fit();
      else if (out.action === "actual") setView((v) => ({ scale: 1, x: v.x - (size.width / 2 - v.x) * (1 / v.scale - 1), y: v.y - (size.height / 2 - v.y) * (1 / v.scale - 1) }));
      else if (out.action === "help") setHelp((h) => !h);
      else if (out.action === "tool.select") setTool(idle("select"));
      else if (out.action === "tool.draw") setTool(idle("draw"));
      else if (out.action === "class.search") setSearch("");
      else if (out.action === "next" && props.neighbours.next) router.push(`/p/${project}/${mode}/${props.neighbours.next}`);
      else if (out.action === "previous" && props.neighbours.previous) router.push(`/p/${project}/${mode}/${props.neighbours.previous}`);
      else if (out.action === "submit") void primaryAction();
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [doc, tool, state, size, fit, commit, props.neighbours, mode, project],
  );
  useEffect(() => {
    window.addEventListener("keydown", applyKey);
    window.addEventListener("keyup", applyKey);
    return () => {
      window.removeEventListener("keydown", applyKey);
      window.removeEventListener("keyup", applyKey);
    };
  }, [applyKey]);

  // ---- autosave (annotate mode): debounced, versioned; a local copy survives a reload or a network blip ----
  const boxesForServer = useMemo(() => doc.state.boxes.map(toYolo), [doc.state.boxes]);
  const pendingForServer = useMemo(() => doc.state.drafts.map((d) => ({ ...toYolo(d), conf: d.conf })), [doc.state.drafts]);
  const dirty = doc.history.undo.length > 0;
  useEffect(() => {
    if (mode !== "annotate" || !dirty) return;
    const key = `fieldloop:draft:${project}:${props.task.id}`;
    localStorage.setItem(key, JSON.stringify({ boxes: boxesForServer, pending: pendingForServer, at: Date.now() }));
    const timer = setTimeout(async () => {
      setStatus("Saving…");
      const res = await autosaveTask({ project, taskId: props.task.id, version: version.current, draft: { boxes: boxesForServer, pending: pendingForServer } }).catch(() => null);
      if (!res) return setStatus("Offline: kept locally, will retry on the next change");
      if (!res.ok) {
        setError(res.status === 409 ? "Someone else changed this task. Reload to see their version; your boxes are kept in this browser." : res.error);
        return setStatus("Not saved");
      }
      version.current = res.data.version;
      localStorage.removeItem(key); // the server has it now
      setStatus("Saved");
    }, 800);
    return () => clearTimeout(timer);
  }, [boxesForServer, pendingForServer, dirty, mode, project, props.task.id]);

  // a copy the server never got (closed tab, network blip) comes back as one undoable step
  useEffect(() => {
    if (mode !== "annotate") return;
    const raw = localStorage.getItem(`fieldloop:draft:${project}:${props.task.id}`);
    if (!raw) return;
    const id = requestAnimationFrame(() => {
      try {
        const local = JSON.parse(raw) as { boxes: Box[]; pending: Prediction[] };
        setDoc((d) => {
          const restored = perform(d.state, d.history, "restore unsaved changes", [
            { type: "remove", ids: d.state.boxes.map((b) => b.id) },
            { type: "discardDrafts", ids: d.state.drafts.map((x) => x.id) },
            { type: "add", boxes: local.boxes.map((b) => fromYolo(b, `r${Math.random().toString(36).slice(2)}`)) },
            { type: "addDrafts", drafts: local.pending.map((p) => ({ ...fromYolo(p, `rd${Math.random().toString(36).slice(2)}`), conf: p.conf })) },
          ]);
          return { state: { ...restored.state, selection: [] }, history: restored.history };
        });
        setStatus("Restored unsaved changes from this browser");
      } catch {
        localStorage.removeItem(`fieldloop:draft:${project}:${props.task.id}`);
      }
    });
    return () => cancelAnimationFrame(id);
  }, [mode, project, props.task.id]);

  // ---- review diff ----
  const diff: DiffEntry[] = useMemo(() => diffBoxes(props.predictions.map((p) => ({ cls: p.cls, cx: p.cx, cy: p.cy, w: p.w, h: p.h })), boxesForServer), [props.predictions, boxesForServer]);
  const changedByReviewer = mode === "review" && doc.history.undo.length > 0;
  const overlays = useMemo(() => {
    if (mode !== "review") return [];
    const r = (b: Box) => ({ x: b.cx - b.w / 2, y: b.cy - b.h / 2, w: b.w, h: b.h });
    return diff.flatMap((d) => (d.kind === "removed" ? [{ rect: r(d.before), color: "#dc2626", dash: true }] : d.kind === "added" ? [{ rect: r(d.after), color: "#16a34a" }] : []));
  }, [diff, mode]);
  const [comment, setComment] = useState("");
  const [skipReason, setSkipReason] = useState<string | null>(null);

  async function go(next: number | null) {
    router.push(next ? `/p/${project}/${mode}/${next}` : `/p/${project}/${mode}`);
    router.refresh();
  }

  async function primaryAction() {
    setError(null);
    if (mode === "annotate") {
      const res = await submitAnnotation({ project, taskId: props.task.id, version: version.current, boxes: boxesForServer });
      if (!res.ok) return setError(res.error);
      localStorage.removeItem(`fieldloop:draft:${project}:${props.task.id}`);
      return go(props.neighbours.next);
    }
    if (changedByReviewer) {
      const res = await correctReview({ project, taskId: props.task.id, version: version.current, boxes: boxesForServer });
      if (!res.ok) return setError(res.error);
      return go(props.neighbours.next);
    }
    const res = await decideReview({ project, taskId: props.task.id, version: version.current, decision: "accept" });
    if (!res.ok) return setError(res.error);
    return go(props.neighbours.next);
  }

  async function reject() {
    setError(null);
    const selected = doc.state.boxes.findIndex((b) => doc.state.selection.includes(b.id));
    const res = await decideReview({ project, taskId: props.task.id, version: version.current, decision: "reject", comment, pin: selected >= 0 ? { boxIndex: selected } : undefined });
    if (!res.ok) return setError(res.error);
    return go(props.neighbours.next);
  }

  async function skip() {
    const res = await skipAnnotation({ project, taskId: props.task.id, version: version.current, reason: skipReason ?? "" });
    if (!res.ok) return setError(res.error);
    return go(props.neighbours.next);
  }

  // the next task opens from the router cache: annotators move through queues all day
  useEffect(() => {
    if (props.neighbours.next) router.prefetch(`/p/${project}/${mode}/${props.neighbours.next}`);
    if (props.neighbours.previous) router.prefetch(`/p/${project}/${mode}/${props.neighbours.previous}`);
  }, [router, project, mode, props.neighbours.next, props.neighbours.previous]);

  // ---- selection list sync ----
  const listRef = useRef<HTMLOListElement>(null);
  const lastSelected = doc.state.selection[doc.state.selection.length - 1];
  useEffect(() => {
    if (lastSelected) listRef.current?.querySelector(`[data-box="${lastSelected}"]`)?.scrollIntoView({ block: "nearest" });
  }, [lastSelected]);

  const pin = props.lastReview?.pin;
  const pinPoint = pin && "x" in pin ? pin : pin && "boxIndex" in pin && props.initialBoxes[pin.boxIndex] ? { x: props.initialBoxes[pin.boxIndex]!.cx, y: props.initialBoxes[pin.boxIndex]!.cy } : null;
  const classFilter = search === null ? [] : classes.map((name, i) => ({ name, i })).filter((c) => c.name.toLowerCase().includes(search.toLowerCase()));
  const setClass = (cls: number) => {
    const sel = doc.state.boxes.filter((b) => doc.state.selection.includes(b.id) && !doc.state.locked.includes(b.id));
    if (sel.length) commit("change class", [{ type: "update", before: sel, after: sel.map((b) => ({ ...b, cls })) }]);
    else setDoc((d) => ({ ...d, state: { ...d.state, activeClass: cls } }));
  };

  return (
    <div className="flex h-[calc(100vh-7.5rem)] gap-3" data-testid="workspace">
      <div className="flex min-w-0 flex-1 flex-col">
        <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
          <button className={`rounded border px-2 py-1 ${tool.tool === "select" ? "border-blue-600 bg-blue-50" : "border-slate-300"}`} onClick={() => setTool(idle("select"))} title="Select (V)">
            Select <kbd className="text-xs text-slate-500">V</kbd>
          </button>
          <button className={`rounded border px-2 py-1 ${tool.tool === "draw" ? "border-blue-600 bg-blue-50" : "border-slate-300"}`} onClick={() => setTool(idle("draw"))} title="Draw (B)">
            Draw <kbd className="text-xs text-slate-500">B</kbd>
          </button>
          <button className="rounded border border-slate-300 px-2 py-1 disabled:opacity-40" disabled={!doc.history.undo.length} onClick={() => setDoc((d) => undo(d.state, d.history))}>
            Undo
          </button>
          <button className="rounded border border-slate-300 px-2 py-1 disabled:opacity-40" disabled={!doc.history.redo.length} onClick={() => setDoc((d) => redo(d.state, d.history))}>
            Redo
          </button>
          <button className="rounded border border-slate-300 px-2 py-1" onClick={fit}>
            Fit <kbd className="text-xs text-slate-500">F</kbd>
          </button>
          <span className="tabular-nums text-slate-600" data-testid="zoom">
            {Math.round(view.scale * 100)}%
          </span>
          <span className="text-slate-500" data-testid="save-status">
            {status}
          </span>
          <button className="ml-auto rounded border border-slate-300 px-2 py-1" onClick={() => setHelp(true)}>
            Shortcuts <kbd className="text-xs text-slate-500">?</kbd>
          </button>
        </div>
        <div
          ref={containerRef}
          className="relative min-h-0 flex-1 overflow-hidden rounded border border-slate-300"
          data-testid="canvas"
          data-view={JSON.stringify(view)}
          data-page={JSON.stringify({ width: page.width, height: page.height })}
        >
          <AnnotationCanvas
            imageUrl={`/api/v1/projects/${project}/documents/${page.id}/image`}
            page={page}
            size={size}
            view={view}
            boxes={visibleBoxes(state)}
            drafts={visibleDrafts(state)}
            selection={state.selection}
            brush={brush}
            overlays={overlays}
            pin={mode === "annotate" && props.lastReview?.decision === "reject" ? pinPoint : null}
            onPointer={onPointer}
            onWheel={(e) => (e.ctrl || !e.deltaX ? zoomAt(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.screen) : setView((v) => ({ ...v, x: v.x - e.deltaX, y: v.y - e.deltaY })))}
          />
        </div>
      </div>

      <aside className="flex w-80 shrink-0 flex-col gap-3 overflow-y-auto text-sm">
        {props.lastReview?.decision === "reject" && mode === "annotate" && (
          <div role="note" className="rounded border border-red-300 bg-red-50 p-2 text-red-900" data-testid="review-comment">
            <b>Sent back by the reviewer:</b> {props.lastReview.comment}
          </div>
        )}
        {props.reportComment && <div className="rounded border border-slate-200 bg-white p-2">Reported: {props.reportComment}</div>}
        {error && (
          <div role="alert" className="rounded bg-red-50 p-2 text-red-800" data-testid="workspace-error">
            {error}
          </div>
        )}

        <section className="rounded border border-slate-200 bg-white p-2">
          <h2 className="mb-1 font-semibold">Classes</h2>
          {search !== null && (
            <input
              autoFocus
              aria-label="Search classes"
              className="mb-1 w-full rounded border border-slate-300 px-2 py-1"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && classFilter[0]) setClass(classFilter[0].i);
                if (e.key === "Enter" || e.key === "Escape") setSearch(null);
              }}
            />
          )}
          <ul className="grid grid-cols-2 gap-1">
            {(search !== null ? classFilter : classes.map((name, i) => ({ name, i }))).map(({ name, i }) => (
              <li key={name}>
                <button
                  onClick={() => setClass(i)}
                  className={`flex w-full items-center gap-1 rounded px-1 py-0.5 text-left ${state.activeClass === i ? "bg-slate-100 font-medium" : ""}`}
                  aria-pressed={state.activeClass === i}
                >
                  <span className="inline-block h-3 w-3 rounded-sm" style={{ background: classColor(i) }} />
                  {i < 9 && <kbd className="text-xs text-slate-500">{i + 1}</kbd>}
                  <span className="truncate">{name}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>

        {state.drafts.length > 0 && (
          <section className="rounded border border-amber-300 bg-amber-50 p-2" data-testid="drafts">
            <h2 className="font-semibold">Model predictions ({visibleDrafts(state).length} shown)</h2>
            <label className="mt-1 flex items-center gap-2">
              confidence ≥ {Math.round(state.threshold * 100)}%
              <input type="range" min={0} max={1} step={0.05} value={state.threshold} onChange={(e) => setDoc((d) => ({ ...d, state: { ...d.state, threshold: Number(e.target.value) } }))} aria-label="Confidence threshold" />
            </label>
            <div className="mt-1 flex gap-2">
              <button className="rounded bg-amber-600 px-2 py-1 text-white" onClick={() => commit("accept drafts", [{ type: "acceptDrafts", ids: visibleDrafts(state).map((d) => d.id) }])}>
                Accept all <kbd>⇧A</kbd>
              </button>
              <button className="rounded border border-amber-600 px-2 py-1" onClick={() => commit("discard drafts", [{ type: "discardDrafts", ids: visibleDrafts(state).map((d) => d.id) }])}>
                Discard <kbd>X</kbd>
              </button>
            </div>
            <ul className="mt-1 max-h-32 overflow-y-auto">
              {visibleDrafts(state).map((d) => (
                <li key={d.id} className="flex items-center justify-between">
                  <span>
                    {classes[d.cls]} · {Math.round(d.conf * 100)}%
                  </span>
                  <button className="text-amber-800 underline" onClick={() => commit("accept draft", [{ type: "acceptDrafts", ids: [d.id] }])}>
                    accept
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}

        <section className="min-h-0 rounded border border-slate-200 bg-white p-2">
          <h2 className="mb-1 font-semibold">Boxes ({state.boxes.length})</h2>
          <ol ref={listRef} className="max-h-64 overflow-y-auto" data-testid="box-list">
            {[...state.boxes]
              .sort((a, b) => a.y - b.y || a.x - b.x)
              .map((b) => (
                <li key={b.id} data-box={b.id}>
                  <button
                    className={`flex w-full items-center gap-2 rounded px-1 text-left ${state.selection.includes(b.id) ? "bg-blue-100" : ""} ${state.hiddenClasses.includes(b.cls) ? "opacity-40" : ""}`}
                    onClick={(e) => setDoc((d) => ({ ...d, state: { ...d.state, selection: e.shiftKey ? [...d.state.selection, b.id] : [b.id] } }))}
                  >
                    <span className="inline-block h-3 w-3 rounded-sm" style={{ background: classColor(b.cls) }} />
                    {classes[b.cls] ?? `class ${b.cls}`}
                    {state.locked.includes(b.id) && <span title="locked">🔒</span>}
                  </button>
                </li>
              ))}
          </ol>
          {state.hiddenClasses.length > 0 && (
            <button className="mt-1 text-blue-700 underline" onClick={() => setDoc((d) => ({ ...d, state: { ...d.state, hiddenClasses: [] } }))}>
              show hidden classes
            </button>
          )}
        </section>

        {mode === "review" && (
          <section className="rounded border border-slate-200 bg-white p-2" data-testid="diff">
            <h2 className="mb-1 font-semibold">Changes against the model</h2>
            <ul>
              {(["added", "removed", "moved", "reclassed", "unchanged"] as const).map((k) => (
                <li key={k}>
                  {k}: <b data-testid={`diff-${k}`}>{diff.filter((d) => d.kind === k).length}</b>
                </li>
              ))}
            </ul>
          </section>
        )}

        <section className="mt-auto space-y-2 rounded border border-slate-200 bg-white p-2">
          {mode === "review" ? (
            <>
              {props.authoredByMe && !changedByReviewer && <p className="text-amber-800">You authored these boxes: another reviewer must verify them.</p>}
              <button className="w-full rounded bg-green-700 px-3 py-2 font-medium text-white disabled:opacity-50" disabled={props.authoredByMe && !changedByReviewer} onClick={() => void primaryAction()}>
                {changedByReviewer ? "Save correction (another reviewer verifies)" : "Accept into the pool"}
              </button>
              <textarea aria-label="Rejection comment" placeholder="What should the annotator fix? (select a box to pin the comment to it)" className="w-full rounded border border-slate-300 p-1" value={comment} onChange={(e) => setComment(e.target.value)} />
              <button className="w-full rounded border border-red-600 px-3 py-1.5 text-red-700 disabled:opacity-50" disabled={!comment.trim()} onClick={() => void reject()}>
                Reject and send back
              </button>
            </>
          ) : (
            <>
              <button className="w-full rounded bg-blue-700 px-3 py-2 font-medium text-white" onClick={() => void primaryAction()}>
                Submit for review <kbd className="text-xs opacity-80">Ctrl+Enter</kbd>
              </button>
              {skipReason === null ? (
                <button className="w-full rounded border border-slate-300 px-3 py-1.5" onClick={() => setSkipReason("")}>
                  Skip…
                </button>
              ) : (
                <div className="flex gap-1">
                  <input autoFocus aria-label="Skip reason" className="min-w-0 flex-1 rounded border border-slate-300 px-2" value={skipReason} onChange={(e) => setSkipReason(e.target.value)} placeholder="why?" />
                  <button className="rounded border border-slate-300 px-2" onClick={() => void skip()}>
                    Skip
                  </button>
                </div>
              )}
            </>
          )}
          <div className="flex justify-between text-blue-700">
            <button disabled={!props.neighbours.previous} className="disabled:opacity-30" onClick={() => void go(props.neighbours.previous)}>
              ← previous <kbd>P</kbd>
            </button>
            <button disabled={!props.neighbours.next} className="disabled:opacity-30" onClick={() => void go(props.neighbours.next)}>
              next <kbd>N</kbd> →
            </button>
          </div>
        </section>
      </aside>

      {help && (
        <div role="dialog" aria-label="Keyboard shortcuts" className="fixed inset-0 z-50 flex items-center justify-center bg-black/40" onClick={() => setHelp(false)}>
          <div className="max-h-[80vh] w-[36rem] overflow-y-auto rounded-lg bg-white p-5 shadow-xl">
            <h2 className="mb-3 text-lg font-semibold">Keyboard shortcuts</h2>
            <table className="w-full text-sm">
              <tbody>
                {SHORTCUTS.map((s) => (
                  <tr key={s.action} className="border-t border-slate-100">
                    <td className="py-1 pr-4 whitespace-nowrap">
                      {s.keys.map((k) => (
                        <kbd key={k} className="mr-1 rounded border border-slate-300 bg-slate-50 px-1">
                          {k}
                        </kbd>
                      ))}
                    </td>
                    <td className="py-1">{s.label}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}

