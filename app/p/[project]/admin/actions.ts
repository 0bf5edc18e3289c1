"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiToken, revokeApiToken } from "@/db/queries/tokens";
import { createUser, findUserIdByEmail, setProjectRoles, setUserDisabled } from "@/db/queries/users";
import { projectAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { ROLES, TOKEN_KINDS } from "@/lib/auth/permissions";

const roles = z.array(z.enum(ROLES)).max(ROLES.length);

export const addMember = projectAction(
  "admin.users",
  z.object({
    project: z.string(),
    email: z.email(),
    name: z.string().trim().min(1).max(200),
    password: z.string().min(10, "password must have at least 10 characters").max(200).optional().or(z.literal("")),
    roles: roles.min(1, "pick at least one role"),
  }),
  async (input, { db, actor, access }) => {
    let userId = await findUserIdByEmail(db, input.email);
    if (!userId) {
      if (!input.password) throw new AppError("invalid", "a new user needs an initial password");
      userId = (await createUser(db, { email: input.email, name: input.name, password: input.password })).id;
    }
    await setProjectRoles(db, { actor, projectId: access.project.id, userId, roles: input.roles });
    revalidatePath(`/p/${access.project.slug}/admin`);
    return { userId };
  },
);

export const updateRoles = projectAction(
  "admin.users",
  z.object({ project: z.string(), userId: z.number().int().positive(), roles }),
  async (input, { db, actor, access }) => {
    await setProjectRoles(db, { actor, projectId: access.project.id, userId: input.userId, roles: input.roles });
    revalidatePath(`/p/${access.project.slug}/admin`);
    return null;
  },
);

export const setDisabled = projectAction(
  "admin.users",
  z.object({ project: z.string(), userId: z.number().int().positive(), disabled: z.boolean() }),
  async (input, { db, actor, access }) => {
    await setUserDisabled(db, { actor, projectId: access.project.id, userId: input.userId, disabled: input.disabled });
    revalidatePath(`/p/${access.project.slug}/admin`);
    return null;
  },
);

export const createToken = projectAction(
  "admin.tokens",
  z.object({ project: z.string(), kind: z.enum(TOKEN_KINDS), name: z.string().trim().min(1).max(100) }),
  async (input, { db, actor, access }) => {
    const created = await createApiToken(db, { actor, projectId: access.project.id, kind: input.kind, name: input.name });
    revalidatePath(`/p/${access.project.slug}/admin`);
    return created;
  },
);

export const revokeToken = projectAction(
  "admin.tokens",
  z.object({ project: z.string(), tokenId: z.number().int().positive() }),
  async (input, { db, actor, access }) => {
    await revokeApiToken(db, { actor, projectId: access.project.id, tokenId: input.tokenId });
    revalidatePath(`/p/${access.project.slug}/admin`);
    return null;
  },
);
