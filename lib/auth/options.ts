import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "../../db/client";
import { attemptLogin } from "../../db/queries/users";
import { authSecret } from "./secret";

const credentials = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

export const authOptions: NextAuthOptions = {
  // A getter: the secret is checked when a request needs it, not when `next build` loads the module.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) return null;
        const forwarded = req?.headers?.["x-forwarded-for"];
        const ip = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim() || "local";
        const result = await attemptLogin(await getDb(), { ...parsed.data, ip });
        // One generic failure for unknown email, wrong password, disabled account and throttling.
        if (!result.ok) return null;
        return { id: String(result.user.id), email: result.user.email, name: result.user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.uid = Number(user.id);
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: typeof token.uid === "number" ? token.uid : undefined };
    },
  },
};

declare module "next-auth" {
  interface Session {
    userId?: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
  }
}
