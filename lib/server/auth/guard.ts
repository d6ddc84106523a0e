import "server-only";
import {
  can,
  OPERATION_LABELS,
  OPERATION_PERMISSIONS,
  SPENDING_OPERATIONS,
  type Permission,
} from "@/lib/auth/permissions";
import { unknownHostResponse } from "@/lib/auth/host";
import { matchOperation } from "@/lib/mistral/operations";
import { refusal } from "../errors";
import type { Gateway } from "../gateway";
import { admitSpending, auditRefusal, auditStart } from "./audit";
import type { AuthContext } from "./auth";
import type { AuthConfig } from "./config";
import { estimatePromptTokens, observeResponse } from "./observe";
import {
  authenticate,
  crossSiteWrite,
  hostAllowed,
  requestHost,
  type Principal,
} from "./principal";
import { jobOwners, recordJobOwner } from "./users";

const CREATE_JOB = "jobs_api_routes_fine_tuning_create_fine_tuning_job";
const UPLOAD = "files_api_routes_upload_file";

export function unauthenticated(reason: "anonymous" | "bad_token"): Response {
  return refusal(
    401,
    "unauthenticated",
    reason === "bad_token"
      ? "This console token is not valid: it may have been revoked or its account disabled. Use the console's own token (mc_…), not a Mistral API key."
      : "Sign in to the console, or send a console token: Authorization: Bearer mc_…",
    { headers: { "www-authenticate": 'Bearer realm="mistral-console"' } },
  );
}

export function forbidden(principal: Principal, permission: Permission, what: string): Response {
  return refusal(
    403,
    "forbidden",
    `Your role (${principal.role}) cannot ${what}: it needs the ${permission} permission. Ask an admin.`,
    { param: permission },
  );
}

export function crossSite(): Response {
  return refusal(
    403,
    "cross_site",
    "This write did not come from a page of this console (its Origin header is missing or foreign), so it was refused.",
  );
}

/**
 * The 403 for a request to a Host this console does not answer to (DNS rebinding), or null.
 * Every entry point calls it first: the gateway, /api/console/*, /api/auth/*; proxy.ts for pages.
 */
export function foreignHost(config: AuthConfig, request: Request): Response | null {
  return hostAllowed(config, request) ? null : unknownHostResponse(requestHost(request));
}

/**
 * Puts the gateway behind sign-in: who is calling (session or console token), whether their role
 * allows the operation, whether a cookie write came from this console's own pages, the per-user
 * limit on spending, and an audit entry for every write with its outcome and token usage.
 */
export function guardGateway(gateway: Gateway, context: () => Promise<AuthContext>): Gateway {
  return async function guarded(request) {
    const ctx = await context();
    const foreign = foreignHost(ctx.config, request);
    if (foreign) return foreign;
    const authn = await authenticate(ctx, request);
    if (!authn.ok) return unauthenticated(authn.reason);
    const principal = authn.principal;
    const method = request.method.toUpperCase();
    const match = matchOperation(method, new URL(request.url).pathname);
    // Unknown paths and methods get the gateway's own 404/405; nothing is forwarded for them.
    if (match.kind !== "match") return gateway(request);
    const operation = match.operation;
    const label = OPERATION_LABELS[operation.id];

    const target = match.params.model_id ?? match.params.file_id ?? match.params.job_id ?? null;
    const write = method !== "GET" && method !== "HEAD";
    // A refused write is recorded too: who tried to delete what is worth knowing (up to a
    // per-user cap, so a script hammering the console cannot flood the log).
    const refuse = async (response: Response) => {
      if (write) {
        await auditRefusal(ctx, principal, label, method, match.path, target, response.status);
      }
      return response;
    };

    let permission: Permission = OPERATION_PERMISSIONS[operation.id];
    if (permission === "jobs.manage_own") {
      const owners = await jobOwners(ctx, [match.params.job_id]);
      if (owners[match.params.job_id]?.userId !== principal.userId) permission = "jobs.manage_any";
    }
    if (!can(principal.role, permission)) return refuse(forbidden(principal, permission, label));
    if (crossSiteWrite(ctx, request, principal)) return refuse(crossSite());
    if (!write) return gateway(request);

    const spend = SPENDING_OPERATIONS.has(operation.id);
    const limit = principal.rateLimitPerMinute ?? ctx.config.rateLimitPerMinute;
    const start = { operation: label, method, path: match.path, target, spend };
    let finish: Awaited<ReturnType<typeof auditStart>>;
    if (spend && limit) {
      // Counting and recording in one step: checking first and recording later let concurrent
      // calls all pass the check (see admitSpending).
      const admission = await admitSpending(ctx, principal, start, limit);
      if (!admission.ok) {
        const wait = admission.retryAfter;
        return refuse(
          refusal(
            429,
            "rate_limited",
            `You have made ${limit} spending requests in the last minute, the most this console allows you. Try again in ${wait} s.`,
            { headers: { "retry-after": String(wait) } },
          ),
        );
      }
      finish = admission.finish;
    } else {
      finish = await auditStart(ctx, principal, start);
    }
    // A copy of a spending JSON body, read only if a stream ends without usage (see observe.ts).
    const copy =
      spend && (request.headers.get("content-type") ?? "").includes("json")
        ? request.clone()
        : null;
    let response: Response;
    try {
      response = await gateway(request);
    } catch (error) {
      await finish({ status: 500 });
      throw error;
    }
    const createsById = operation.id === CREATE_JOB || operation.id === UPLOAD;
    return observeResponse(
      response,
      request.signal,
      async (seen) => {
        try {
          if (operation.id === CREATE_JOB && seen.status < 300 && seen.id) {
            await recordJobOwner(ctx, seen.id, principal);
          }
          await finish({
            status: seen.status,
            // Uploads and new jobs are filed under their new id; completions under their model.
            target: target ?? (createsById ? seen.id : seen.model),
            model: seen.model,
            usage: seen.usage,
          });
        } catch (error) {
          console.error(`[audit] could not record ${label}: ${String(error)}`);
        }
      },
      async () => (copy ? estimatePromptTokens(await copy.text()) : null),
    );
  };
}
