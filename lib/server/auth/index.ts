import "server-only";
import { getConfig } from "../config";
import { createAuthContext, type AuthContext } from "./auth";
import { getAuthConfig } from "./config";

const KEY = Symbol.for("mistral-console.auth");
type Holder = { [KEY]?: Promise<AuthContext> };

/**
 * The process's auth context (database opened and migrated, better-auth built), created once.
 * Kept on globalThis so the route bundles Next builds separately share one database handle.
 */
export function getAuthContext(): Promise<AuthContext> {
  const holder = globalThis as Holder;
  holder[KEY] ??= createAuthContext(getAuthConfig(), getConfig().dataDir).catch((error) => {
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}
