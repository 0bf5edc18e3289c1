"use client";

import type Konva from "konva";
import { useEffect, useMemo, useRef, useState } from "react";
import { Group, Image as KonvaImage, Layer, Rect, Shape, Stage } from "react-konva";
import { GridIndex, HANDLES, handlePoint, type EBox, type Rect as R } from "@/lib/annotator/geometry";
import type { Draft } from "@/lib/annotator/state";
import { classColor } from "./colors";

export type View = { scale: number; x: number; y: number };
export type CanvasPointer = { type: "down" | "move" | "up"; p: { x: number; y: number }; shift: boolean; button: number; screen: { x: number; y: number } };

type Props = {
  imageUrl: string;
  page: { width: number; height: number };
  size: { width: number; height: number };
  view: View;
  boxes: EBox[];
  drafts: Draft[];
  selection: string[];
  brush?: R | null;
  /** extra outlines, e.g. the review diff (page-normalized rects with a colour) */
  overlays?: { rect: R; color: string; dash?: boolean }[];
  pin?: { x: number; y: number } | null;
  onPointer: (e: CanvasPointer) => void;
  onWheel: (e: { deltaY: number; screen: { x: number; y: number }; ctrl: boolean; deltaX: number }) => void;
};

/**
 * The Konva view of the editor state. Boxes are drawn by one Shape per layer in batched paths
 * (one stroke per class) and only those inside the viewport (grid index), which keeps pan,
 * zoom and drags smooth with thousands of boxes. Shapes do not listen: hit testing is the pure
 * core's job, from stage-level pointer events.
 */
export function AnnotationCanvas(props: Props) {
  const { page, size, view, boxes, drafts, selection } = props;
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  const stageRef = useRef<Konva.Stage>(null);

  useEffect(() => {
    const img = new window.Image();
    img.onload = () => setImage(img);
    img.src = props.imageUrl;
    return () => {
      img.onload = null;
    };
  }, [props.imageUrl]);

  const index = useMemo(() => new GridIndex(boxes), [boxes]);
  const selected = useMemo(() => new Set(selection), [selection]);
  // the part of the page on screen, in page-normalized units, for culling
  const viewport: R = {
    x: -view.x / view.scale / page.width,
    y: -view.y / view.scale / page.height,
    w: size.width / view.scale / page.width,
    h: size.height / view.scale / page.height,
  };
  const onScreen = index.query(viewport);
  const px = 1 / view.scale; // one screen pixel in page pixels

  const toPage = (e: Konva.KonvaEventObject<PointerEvent | MouseEvent>) => {
    const pos = stageRef.current!.getPointerPosition() ?? { x: 0, y: 0 };
    return { screen: pos, p: { x: (pos.x - view.x) / view.scale / page.width, y: (pos.y - view.y) / view.scale / page.height }, shift: e.evt.shiftKey, button: e.evt.button };
  };

  return (
    <Stage
      ref={stageRef}
      width={size.width}
      height={size.height}
      onPointerDown={(e) => props.onPointer({ type: "down", ...toPage(e) })}
      onPointerMove={(e) => props.onPointer({ type: "move", ...toPage(e) })}
      onPointerUp={(e) => props.onPointer({ type: "up", ...toPage(e) })}
      onWheel={(e) => {
        e.evt.preventDefault();
        const pos = stageRef.current!.getPointerPosition() ?? { x: 0, y: 0 };
        props.onWheel({ deltaY: e.evt.deltaY, deltaX: e.evt.deltaX, screen: pos, ctrl: e.evt.ctrlKey || e.evt.metaKey });
      }}
      onContextMenu={(e) => e.evt.preventDefault()}
      style={{ background: "#e2e8f0", cursor: "crosshair" }}
    >
      <Layer listening={false} imageSmoothingEnabled={view.scale < 1}>
        <Group x={view.x} y={view.y} scaleX={view.scale} scaleY={view.scale}>
          <Rect width={page.width} height={page.height} fill="#ffffff" />
          {image && <KonvaImage image={image} width={page.width} height={page.height} />}
        </Group>
      </Layer>
      <Layer listening={false}>
        <Group x={view.x} y={view.y} scaleX={view.scale} scaleY={view.scale}>
          <Shape
            sceneFunc={(ctx) => {
              const c = ctx._context;
              const W = page.width;
              const H = page.height;
              // committed boxes: one path per class
              const byClass = new Map<number, EBox[]>();
              for (const b of onScreen) (byClass.get(b.cls) ?? byClass.set(b.cls, []).get(b.cls)!).push(b);
              c.lineWidth = 2 * px;
              c.setLineDash([]);
              for (const [cls, list] of byClass) {
                c.strokeStyle = classColor(cls);
                c.beginPath();
                for (const b of list) c.rect(b.x * W, b.y * H, b.w * W, b.h * H);
                c.stroke();
              }
              // model drafts: dashed, with their confidence
              c.setLineDash([6 * px, 4 * px]);
              c.font = `${12 * px}px sans-serif`;
              for (const d of drafts) {
                c.strokeStyle = classColor(d.cls);
                c.strokeRect(d.x * W, d.y * H, d.w * W, d.h * H);
                c.fillStyle = classColor(d.cls);
                c.fillText(`${Math.round(d.conf * 100)}%`, d.x * W + 2 * px, d.y * H - 3 * px);
              }
              c.setLineDash([]);
              for (const o of props.overlays ?? []) {
                c.strokeStyle = o.color;
                c.lineWidth = 3 * px;
                c.setLineDash(o.dash ? [4 * px, 3 * px] : []);
                c.strokeRect(o.rect.x * W, o.rect.y * H, o.rect.w * W, o.rect.h * H);
              }
              c.setLineDash([]);
            }}
          />
          <Shape
            sceneFunc={(ctx) => {
              const c = ctx._context;
              const W = page.width;
              const H = page.height;
              const hs = 4 * px;
              for (const b of onScreen) {
                if (!selected.has(b.id)) continue;
                c.fillStyle = "rgba(37, 99, 235, 0.12)";
                c.fillRect(b.x * W, b.y * H, b.w * W, b.h * H);
                c.strokeStyle = "#1d4ed8";
                c.lineWidth = 1.5 * px;
                c.strokeRect(b.x * W, b.y * H, b.w * W, b.h * H);
                c.fillStyle = "#ffffff";
                for (const h of HANDLES) {
                  const p = handlePoint(b, h);
                  c.fillRect(p.x * W - hs, p.y * H - hs, 2 * hs, 2 * hs);
                  c.strokeRect(p.x * W - hs, p.y * H - hs, 2 * hs, 2 * hs);
                }
              }
              if (props.brush) {
                c.strokeStyle = "#1d4ed8";
                c.setLineDash([4 * px, 3 * px]);
                c.strokeRect(props.brush.x * W, props.brush.y * H, props.brush.w * W, props.brush.h * H);
                c.setLineDash([]);
              }
              if (props.pin) {
                c.fillStyle = "#dc2626";
                c.beginPath();
                c.arc(props.pin.x * W, props.pin.y * H, 8 * px, 0, Math.PI * 2);
                c.fill();
              }
            }}
          />
        </Group>
      </Layer>
    </Stage>
  );
}
