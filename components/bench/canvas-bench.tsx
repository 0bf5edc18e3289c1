"use client";

import dynamic from "next/dynamic";
import { useEffect, useMemo, useRef, useState } from "react";
import type { EBox } from "@/lib/annotator/geometry";
import type { View } from "@/components/annotator/canvas";

const AnnotationCanvas = dynamic(() => import("@/components/annotator/canvas").then((m) => m.AnnotationCanvas), { ssr: false });

const PAGE = { width: 2550, height: 3300 };

/** A 2,550 x 3,300 scan-like page as a data URL, drawn once in the browser. */
function pageImage(): string {
  const c = document.createElement("canvas");
  c.width = PAGE.width;
  c.height = PAGE.height;
  const g = c.getContext("2d")!;
  g.fillStyle = "#fbfaf7";
  g.fillRect(0, 0, c.width, c.height);
  g.fillStyle = "#333";
  g.font = "28px sans-serif";
  for (let y = 120; y < PAGE.height - 100; y += 44) g.fillText("Lorem ipsum dolor sit amet 1234.56 EUR invoice line item description", 140, y);
  return c.toDataURL("image/png");
}

/**
 * Renders N boxes and animates pan/zoom (or drags one box) through React state each frame,
 * exactly as the workspace does; window.__bench reports the frames painted.
 */
export function CanvasBench({ boxes: n }: { boxes: number }) {
  const [src, setSrc] = useState<string | null>(null);
  const [view, setView] = useState<View>({ scale: 0.3, x: 0, y: 0 });
  const [boxes, setBoxes] = useState<EBox[]>([]);
  const frames = useRef(0);
  const size = { width: 1280, height: 860 };
  const initial = useMemo(() => {
    const out: EBox[] = [];
    const cols = Math.ceil(Math.sqrt(n * 0.75));
    for (let i = 0; i < n; i++) {
      const col = i % cols;
      const row = Math.floor(i / cols);
      out.push({ id: `b${i}`, cls: i % 10, x: 0.02 + (col / cols) * 0.96, y: 0.02 + (row / Math.ceil(n / cols)) * 0.96, w: (0.96 / cols) * 0.8, h: (0.96 / Math.ceil(n / cols)) * 0.7 });
    }
    return out;
  }, [n]);

  useEffect(() => {
    // after the first paint: the page image needs a real canvas
    const id = requestAnimationFrame(() => {
      setSrc(pageImage());
      setBoxes(initial);
    });
    return () => cancelAnimationFrame(id);
  }, [initial]);

  useEffect(() => {
    const w = window as unknown as { __bench: unknown };
    let mode: "idle" | "panzoom" | "drag" = "idle";
    let t0 = 0;
    const loop = (t: number) => {
      if (mode !== "idle") {
        frames.current++;
        const k = (t - t0) / 1000;
        if (mode === "panzoom") {
          const scale = 0.3 + 0.25 * (1 + Math.sin(k * 1.7));
          setView({ scale, x: -300 * (1 + Math.sin(k * 0.9)), y: -500 * (1 + Math.cos(k * 0.7)) });
        } else {
          const dx = 0.1 * Math.sin(k * 2);
          setBoxes((bs) => (bs.length ? [{ ...initial[0]!, x: Math.max(0, initial[0]!.x + dx + 0.1) }, ...bs.slice(1)] : bs));
        }
      }
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    w.__bench = {
      start(m: "panzoom" | "drag") {
        mode = m;
        frames.current = 0;
        t0 = performance.now();
      },
      stop() {
        const seconds = (performance.now() - t0) / 1000;
        mode = "idle";
        return { frames: frames.current, seconds, fps: frames.current / seconds };
      },
    };
  }, [initial]);

  return (
    <div data-testid="bench-ready" data-ready={src && boxes.length === n ? "1" : "0"}>
      {src && <AnnotationCanvas imageUrl={src} page={PAGE} size={size} view={view} boxes={boxes} drafts={[]} selection={boxes[0] ? [boxes[0].id] : []} onPointer={() => {}} onWheel={() => {}} />}
    </div>
  );
}
