"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button onClick={() => signOut({ callbackUrl: "/login" })} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-100">
      Sign out
    </button>
  );
}
