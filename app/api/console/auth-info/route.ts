// What the signed-out pages need to know; nothing here is secret.
import { getAuthContext } from "@/lib/server/auth";
import { failure, json } from "@/lib/server/auth/route";
import { setupNeeded } from "@/lib/server/auth/users";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    const ctx = await getAuthContext();
    return json({
      setupNeeded: await setupNeeded(ctx),
      oidc: ctx.config.oidc ? { name: ctx.config.oidc.name } : null,
      authMode: ctx.config.mode,
    });
  } catch (error) {
    return failure(error);
  }
}
