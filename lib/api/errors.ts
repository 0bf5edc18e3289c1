import { ZodError } from "zod";
import { AppError, type ErrorCode } from "../errors";

export type ErrorBody = { error: { code: ErrorCode | "internal"; message: string; details?: unknown } };

/** Postgres error codes that mean "the request conflicts with the data", not "we broke". */
function fromDatabase(e: unknown): AppError | null {
  // drizzle wraps driver errors; the SQLSTATE sits on the error or its cause
  const candidates = [e, (e as { cause?: unknown })?.cause];
  for (const c of candidates) {
    const code = (c as { code?: unknown })?.code;
    const message = (c as { message?: string })?.message ?? "database refused the change";
    if (code === "23505") return new AppError("conflict", "already exists", { constraint: (c as { constraint?: string }).constraint });
    if (code === "23503") return new AppError("invalid", "refers to something that does not exist");
    if (code === "23514") return new AppError("invalid", `violates a rule: ${(c as { constraint?: string }).constraint ?? message}`);
    if (code === "P0001") return new AppError("conflict", message);
  }
  return null;
}

/** The one mapping from thrown errors to HTTP status + JSON body. */
export function toErrorBody(e: unknown): { status: number; body: ErrorBody } {
  if (e instanceof AppError) {
    return { status: e.status, body: { error: { code: e.code, message: e.message, details: e.details } } };
  }
  if (e instanceof ZodError) {
    const issues = e.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
    return { status: 422, body: { error: { code: "invalid", message, details: issues } } };
  }
  const db = fromDatabase(e);
  if (db) return toErrorBody(db);
  console.error(e);
  return { status: 500, body: { error: { code: "internal", message: "internal error" } } };
}
