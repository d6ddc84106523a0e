import "server-only";
import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import type { Server as HttpsServer } from "node:https";
import { errorHeaders, errorJson } from "./errors";
import type { FastPath } from "./fast-path";
import { refuseUnroutable } from "./gateway";

// The console's one hook in front of Next on its own HTTP server, installed at start-up
// (lib/server/startup.ts). Next offers no place ahead of its request adapter, and two things must
// happen there:
// - a method the Fetch API cannot represent (TRACE, TRACK) makes Next throw while it builds the
//   Request, answering 500 with a stack in its log; under /v1 any other method the route does not
//   export gets an empty 400. Those are answered here with the gateway's JSON 404/405.
// - Next puts the socket peer into X-Forwarded-For only when the client sent none, so a client
//   could choose the address the per-address sign-in limit sees. The peer is appended here, as a
//   proxy would, and lib/server/auth/client-ip.ts reads the header from the right.
// In production it is also where /v1 and /v2 take the fast path (lib/server/fast-path.ts), after
// both of those and before Next sees the request.

const INSTALLED = Symbol.for("mistral-console.http-front");

type WebServer = (HttpServer | HttpsServer) & { [INSTALLED]?: true };

/**
 * Puts the front layer on each server once (route bundles and dev reloads may call it again),
 * with the fast path for the requests it takes, if given.
 */
export function installFront(servers: (HttpServer | HttpsServer)[], fastPath?: FastPath): number {
  for (const server of servers as WebServer[]) {
    if (server[INSTALLED]) continue;
    server[INSTALLED] = true;
    const emit = server.emit as (event: string | symbol, ...args: unknown[]) => boolean;
    server.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const [req, res] = args as [IncomingMessage, ServerResponse];
        if (answerUnroutable(req, res)) return true;
        appendPeer(req);
        if (fastPath?.(req, res)) return true;
      }
      return emit.call(this, event, ...args);
    } as typeof server.emit;
  }
  return servers.length;
}

function answerUnroutable(req: IncomingMessage, res: ServerResponse): boolean {
  const refusal = refuseUnroutable(req.method ?? "", req.url ?? "/");
  if (!refusal) return false;
  req.resume();
  res.writeHead(refusal.status, errorHeaders(refusal.headers));
  res.end(errorJson({ type: refusal.type, code: refusal.code, message: refusal.message }));
  return true;
}

function appendPeer(req: IncomingMessage): void {
  const peer = req.socket.remoteAddress;
  if (!peer) return;
  const given = req.headers["x-forwarded-for"];
  const before = Array.isArray(given) ? given.join(", ") : given;
  req.headers["x-forwarded-for"] = before ? `${before}, ${peer}` : peer;
}
