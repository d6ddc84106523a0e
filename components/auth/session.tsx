"use client";

import { createContext, useContext } from "react";
import { can, type Permission, type Role } from "@/lib/auth/permissions";

/** Who is using the console, as the server saw them when it rendered the page. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface ConsoleSession {
  user: SessionUser;
  /** "off" when CONSOLE_AUTH=off: a single local user with every permission, no sign-out. */
  authMode: "on" | "off";
}

const SessionContext = createContext<ConsoleSession | null>(null);

export function SessionProvider({
  session,
  children,
}: {
  session: ConsoleSession;
  children: React.ReactNode;
}) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): ConsoleSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}

/** Whether the signed-in user may do this. The UI hides what it refuses; the server refuses anyway. */
export function useCan(permission: Permission): boolean {
  const session = useContext(SessionContext);
  return session ? can(session.user.role, permission) : false;
}
