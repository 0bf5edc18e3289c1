import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// next-auth's own handler: sign-in, sign-out, session, CSRF. Listed as "public" in ROUTE_PERMISSIONS.
const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };
