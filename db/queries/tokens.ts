import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { apiTokens } from "../schema";
import { AppError } from "../../lib/errors";
import type { Actor } from "../../lib/auth/actor";
import type { TokenKind } from "../../lib/auth/permissions";
import { hashApiToken, newApiToken } from "../../lib/auth/tokens";
import { recordAudit } from "./audit";

/** Creates a token and returns its secret once; only the hash is kept. */
export async function createApiToken(
  db: Db,
  input: { actor: Actor & { type: "user" }; projectId: number; kind: TokenKind; name: string },
) {
  const { token, prefix, hash } = newApiToken();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        projectId: input.projectId,
        kind: input.kind,
        name: input.name,
        prefix,
        tokenHash: hash,
        createdBy: input.actor.userId,
      })
      .returning({ id: apiTokens.id, kind: apiTokens.kind, name: apiTokens.name, prefix: apiTokens.prefix });
    await recordAudit(tx, {
      actor: input.actor,
      projectId: input.projectId,
      action: "token.create",
      targetType: "api_token",
      targetId: row!.id,
      data: { kind: input.kind, name: input.name },
    });
    return { ...row!, token };
  });
}

export async function revokeApiToken(db: Db, input: { actor: Actor; projectId: number; tokenId: number }) {
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(
        and(eq(apiTokens.id, input.tokenId), eq(apiTokens.projectId, input.projectId), isNull(apiTokens.revokedAt)),
      )
      .returning({ id: apiTokens.id });
    if (!rows.length) throw new AppError("not_found", `no active token ${input.tokenId} in this project`);
    await recordAudit(tx, {
      actor: input.actor,
      projectId: input.projectId,
      action: "token.revoke",
      targetType: "api_token",
      targetId: input.tokenId,
    });
  });
}

export async function listApiTokens(db: Db, projectId: number) {
  return db
    .select({
      id: apiTokens.id,
      kind: apiTokens.kind,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.projectId, projectId))
    .orderBy(desc(apiTokens.createdAt));
}

/** Resolves a bearer token to its actor; revoked and unknown tokens resolve to nothing. */
export async function authenticateApiToken(db: Db, token: string): Promise<(Actor & { type: "token" }) | null> {
  const [row] = await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiTokens.tokenHash, hashApiToken(token)), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, projectId: apiTokens.projectId, kind: apiTokens.kind, name: apiTokens.name });
  if (!row) return null;
  return { type: "token", tokenId: row.id, projectId: row.projectId, kind: row.kind, name: row.name };
}
