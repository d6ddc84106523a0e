import "server-only";
import { getAuthContext } from "./auth";
import { authenticate } from "./auth/principal";
import { ConfigError, getConfig, publicBackendInfo, type Config } from "./config";
import { getSandbox, type Sandbox, type SandboxStats } from "./upstream";

export type HealthBody =
  | ({ status: "ok" } & (
      { backend: "sandbox"; sandbox: SandboxStats } | { backend: "live"; baseUrl: string }
    ))
  | { status: "error"; message: string };

/**
 * What /api/health tells someone not signed in: up or not, which is all a load balancer needs.
 * The backend (a live one's URL) and the sandbox's counters are for users of the console.
 */
export function anonymousHealth(body: HealthBody): { status: HealthBody["status"] } {
  return { status: body.status };
}

/** Whether the caller may see the full report: signed in, a console token, or sign-in off. */
export async function healthDetailAllowed(request: Request): Promise<boolean> {
  try {
    return (await authenticate(await getAuthContext(), request)).ok;
  } catch {
    // The accounts database is down: the report still answers, without details.
    return false;
  }
}

/**
 * What GET /api/health answers to a signed-in user. In sandbox mode it includes the sandbox's
 * generation counters, so an end-to-end test can see that pressing Stop really aborted a generation.
 */
export async function healthReport(
  config?: Config,
  sandbox?: Promise<Sandbox>,
): Promise<{ status: number; body: HealthBody }> {
  try {
    const cfg = config ?? getConfig();
    const info = publicBackendInfo(cfg);
    if (info.backend === "live") return { status: 200, body: { status: "ok", ...info } };
    const stats = (await (sandbox ?? getSandbox(cfg))).stats();
    return {
      status: 200,
      body: {
        status: "ok",
        backend: "sandbox",
        sandbox: {
          abortedGenerations: stats.abortedGenerations,
          activeGenerations: stats.activeGenerations,
        },
      },
    };
  } catch (error) {
    const message =
      error instanceof ConfigError ? error.message : "The sandbox backend failed to start.";
    if (!(error instanceof ConfigError)) console.error("[health] sandbox failed to start:", error);
    return { status: 503, body: { status: "error", message } };
  }
}
