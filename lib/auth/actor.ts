import type { Role, TokenKind } from "./permissions";

/** Who is calling: a signed-in person or a machine client holding an API token. */
export type Actor =
  | { type: "user"; userId: number; email: string; name: string }
  | { type: "token"; tokenId: number; projectId: number; kind: TokenKind; name: string };

export type ProjectRef = { id: number; slug: string; name: string; classes: string[] };

export type ProjectAccess = { project: ProjectRef; roles: Role[]; principals: (Role | TokenKind)[] };
