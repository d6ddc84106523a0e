import "server-only";
import { Server as HttpServer } from "node:http";
import { Server as HttpsServer } from "node:https";
import { Server } from "node:net";
import { getAuthContext } from "./auth";
import { checkAuthOffAllowed, getAuthConfig } from "./auth/config";
import { prepareFirstRun } from "./auth/users";
import { ConfigError, getConfig, publicBackendInfo } from "./config";
import { createFastPath } from "./fast-path";
import { handleGatewayRequest } from "./gateway";
import { installFront } from "./http-front";

/**
 * Runs at server start: validates the configuration, refuses CONSOLE_AUTH=off off loopback,
 * migrates the database and prepares the first admin. Any problem stops the process with its
 * message (naming variables, never their values).
 */
export async function startConsole(): Promise<void> {
  try {
    const config = getConfig();
    const info = publicBackendInfo(config);
    const auth = getAuthConfig();
    console.log(
      `[console] backend: ${info.backend === "live" ? `live (${info.baseUrl})` : "sandbox"}`,
    );
    if (auth.mode === "off") {
      checkAuthOffAllowed(listeningAddresses());
      console.log("[console] sign-in is off (CONSOLE_AUTH=off): every visitor acts as admin");
    }
    // Before the first request: methods Next cannot route, each request's socket peer for the
    // per-address sign-in limit (see http-front.ts) and, in production, the /v1 fast path (`next
    // dev` keeps the route handler, which it reloads on every change).
    const web = listeningServers().filter(
      (s) => s instanceof HttpServer || s instanceof HttpsServer,
    );
    const fast = process.env.NODE_ENV === "production" && config.fastPath;
    if (installFront(web, fast ? createFastPath(handleGatewayRequest) : undefined) === 0) {
      console.warn(
        "[console] could not find the HTTP server: sign-in addresses come from X-Forwarded-For as the client sent it",
      );
    }
    if (fast && web.length) console.log("[console] /v1 and /v2: served by the fast path");
    const ctx = await getAuthContext();
    console.log(`[console] accounts database: ${ctx.database.kind}`);
    const token = await prepareFirstRun(ctx);
    if (token) {
      console.log(
        `[console] No admin yet. Open /setup and enter this one-time token:\n\n    Setup token: ${token}\n`,
      );
    }
  } catch (error) {
    if (!(error instanceof ConfigError)) {
      console.error(
        `[console] failed to start: ${error instanceof Error ? error.message : String(error)}`,
      );
    } else {
      console.error(error.message);
    }
    process.exit(1);
  }
}

/** This process's listening servers (Next has bound its port before this runs). */
function listeningServers(): Server[] {
  const handles =
    (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles?.() ?? [];
  return handles.filter((h): h is Server => h instanceof Server && h.listening);
}

/** The addresses this process's servers listen on. */
function listeningAddresses(): string[] {
  const out: string[] = [];
  for (const server of listeningServers()) {
    const address = server.address();
    if (address && typeof address === "object") out.push(address.address);
  }
  return out;
}
