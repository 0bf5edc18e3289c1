import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { auditLog, users } from "../schema";
import type { Actor } from "../../lib/auth/actor";

export async function recordAudit(
  db: Db | Tx,
  entry: {
    actor: Actor | null;
    projectId?: number | null;
    action: string;
    targetType?: string;
    targetId?: string | number;
    data?: unknown;
  },
): Promise<void> {
  await db.insert(auditLog).values({
    projectId: entry.projectId ?? null,
    actorUserId: entry.actor?.type === "user" ? entry.actor.userId : null,
    actorTokenId: entry.actor?.type === "token" ? entry.actor.tokenId : null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId === undefined ? undefined : String(entry.targetId),
    data: entry.data ?? null,
  });
}

export async function listAuditLog(db: Db, projectId: number, limit = 50) {
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      data: auditLog.data,
      createdAt: auditLog.createdAt,
      actorEmail: users.email,
      actorTokenId: auditLog.actorTokenId,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(eq(auditLog.projectId, projectId))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
