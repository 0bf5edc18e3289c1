import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { getDb } from "../../db/client";
import { findUserById } from "../../db/queries/users";
import type { Actor } from "./actor";
import { authOptions } from "./options";

/**
 * The signed-in person, re-read from the database so that disabling a user takes effect at once.
 * Memoized per request: the project layout and the page guard both ask for it.
 */
export const currentUser = cache(async function currentUser(): Promise<(Actor & { type: "user" }) | null> {
  const session = await getServerSession(authOptions);
  if (!session?.userId) return null;
  const user = await findUserById(await getDb(), session.userId);
  if (!user || user.disabledAt) return null;
  return { type: "user", userId: user.id, email: user.email, name: user.name };
});
