import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuthContext } from "./index";
import { authenticate, type Principal } from "./principal";
import { setupNeeded } from "./users";
import { routes } from "@/lib/routes";

/** The signed-in user for a page render; sends everyone else to sign-in (or first-run setup). */
export async function requirePageUser(): Promise<{ principal: Principal; authMode: "on" | "off" }> {
  const ctx = await getAuthContext();
  const request = new Request("http://console.invalid/", { headers: await headers() });
  const authn = await authenticate(ctx, request);
  if (authn.ok) return { principal: authn.principal, authMode: ctx.config.mode };
  redirect((await setupNeeded(ctx)) ? routes.setup() : routes.signIn());
}
