import { notFound } from "next/navigation";
import { CanvasBench } from "@/components/bench/canvas-bench";

export const dynamic = "force-dynamic";

/** Harness for bench/canvas.bench.ts; exists only when the server runs with FIELDLOOP_BENCH=1. */
export default async function CanvasBenchPage({ searchParams }: { searchParams: Promise<{ boxes?: string }> }) {
  if (process.env.FIELDLOOP_BENCH !== "1") notFound();
  const n = Math.min(20_000, Math.max(0, Number((await searchParams).boxes ?? 300) || 0));
  return <CanvasBench boxes={n} />;
}
