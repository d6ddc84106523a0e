import "server-only";
import {
  can,
  DRY_RUN_LABEL,
  isSpending,
  operationLabel,
  operationPermission,
  OWNED_PERMISSIONS,
  type OwnedKind,
  type Permission,
} from "@/lib/auth/permissions";
import { unknownHostResponse } from "@/lib/auth/host";
import { matchOperation, type OperationId } from "@/lib/mistral/operations";
import { fromResponse, type Answer } from "../answer";
import { refusal } from "../errors";
import { forwardedJson, forwardWhen, sent, type Gateway, type GatewayRequest } from "../gateway";
import {
  getMetrics,
  recordAnswer,
  recordTokens,
  requestTiming,
  type RefusalReason,
} from "../metrics";
import { admitSpending, auditRefusal, auditStart, type Admission } from "./audit";
import type { AuthContext } from "./auth";
import type { AuthConfig } from "./config";
import { spendingBound } from "../budgets";
import { keepJobs } from "../job-archive";
import { estimatePromptTokens, observeResponse, type Observed } from "./observe";
import {
  authenticate,
  crossSiteWrite,
  hostAllowed,
  requestHost,
  type Incoming,
  type Principal,
} from "./principal";
import { ownerOf, recordOwner } from "./users";

/**
 * The operations that make a resource its maker then manages (`*.manage_own`), and where the
 * answer names it. Restarting a conversation makes a new one. (A stream variant is matched as its
 * plain sibling, so streamed conversations are covered too.)
 */
const CREATES: Partial<
  Record<OperationId, { kind: OwnedKind; id: (seen: Observed) => string | null }>
> = {
  jobs_api_routes_fine_tuning_create_fine_tuning_job: { kind: "job", id: (s) => s.id },
  jobs_api_routes_batch_create_batch_job: { kind: "batch_job", id: (s) => s.id },
  agents_api_v1_agents_create: { kind: "agent", id: (s) => s.id },
  libraries_create_v1: { kind: "library", id: (s) => s.id },
  agents_api_v1_conversations_start: { kind: "conversation", id: (s) => s.conversationId },
  agents_api_v1_conversations_restart: { kind: "conversation", id: (s) => s.conversationId },
};

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
export function foreignHost(config: AuthConfig, request: Incoming): Response | null {
  return hostAllowed(config, request) ? null : unknownHostResponse(requestHost(request));
}

const CREATE_JOB: OperationId = "jobs_api_routes_fine_tuning_create_fine_tuning_job";

/**
 * Whether the API will take `dry_run` as true: pydantic's lax booleans, case-insensitive. Only
 * values it certainly reads as true count, and every repeat of the parameter must be one (the API
 * reads the last, the sandbox the first): a creation must never pass for a dry run.
 */
export function isDryRun(search: URLSearchParams): boolean {
  const values = search.getAll("dry_run");
  return (
    values.length > 0 && values.every((v) => ["true", "1", "yes", "on"].includes(v.toLowerCase()))
  );
}

/**
 * Puts the gateway behind sign-in: who is calling (session or console token), whether their role
 * allows the operation, whether a cookie write came from this console's own pages, the per-user
 * limit on spending, and an audit entry for every write with its outcome and token usage.
 */
export function guardGateway(gateway: Gateway, context: () => Promise<AuthContext>): Gateway {
  const metrics = getMetrics();
  // The console's own refusals are written as Responses (the console's routes share them).
  const refused = (reason: RefusalReason, response: Response) => {
    metrics.refusals.inc({ reason });
    return fromResponse(response);
  };

  // Every await costs a turn of the microtask queue, which Next's async hooks make dear (tens of
  // µs each, measured): the path of a call awaits only what it must.
  let ready: AuthContext | null = null;

  async function guarded(request: GatewayRequest): Promise<Answer> {
    const ctx = ready ?? (ready = await context());
    const foreign = foreignHost(ctx.config, request);
    if (foreign) return refused("unknown_host", foreign);
    const found = authenticate(ctx, request);
    const authn = found instanceof Promise ? await found : found;
    if (!authn.ok) return refused("unauthenticated", unauthenticated(authn.reason));
    const principal = authn.principal;
    const method = request.method.toUpperCase();
    const match = matchOperation(method, new URL(request.url).pathname);
    requestTiming(request).operation =
      match.kind === "match" || match.kind === "refused" ? match.operation.id : "unmatched";
    // Unknown paths and methods get the gateway's own 404/405; nothing is forwarded for them.
    if (match.kind === "not-found" || match.kind === "method-not-allowed") return gateway(request);
    if (match.kind === "refused") {
      // An admin-key or dashboard operation: refused by the gateway, and a write attempt recorded.
      const response = await gateway(request);
      if (method !== "GET" && method !== "HEAD") {
        await auditRefusal(ctx, principal, {
          operation: match.operation.id,
          method,
          path: match.path,
          target: null,
          status: response.status,
        });
      }
      return response;
    }
    const operation = match.operation;
    // A dry run only sizes a job: it creates nothing and spends nothing, so it is filed apart
    // from real creations and is not held to the spending limit.
    const dryRun = operation.id === CREATE_JOB && isDryRun(new URL(request.url).searchParams);
    const label = dryRun ? DRY_RUN_LABEL : operationLabel(operation);

    // The audit target: the most specific id in the path (a created resource gets its new id).
    const params = Object.values(match.params);
    const target = params.length ? params[params.length - 1] : null;
    const write = method !== "GET" && method !== "HEAD";
    // A refused write is recorded too: who tried to delete what is worth knowing (up to a
    // per-user cap, so a script hammering the console cannot flood the log).
    const refuse = async (response: Answer) => {
      if (write) {
        await auditRefusal(ctx, principal, {
          operation: label,
          method,
          path: match.path,
          target,
          status: response.status,
        });
      }
      return response;
    };

    let permission = operationPermission(operation);
    const owned = OWNED_PERMISSIONS[permission];
    if (owned) {
      const owner = await ownerOf(ctx, owned.kind, match.params[owned.param]);
      if (owner?.userId !== principal.userId) permission = owned.any;
    }
    if (!can(principal.role, permission)) {
      return refuse(refused("forbidden", forbidden(principal, permission, label)));
    }
    if (crossSiteWrite(ctx, request, principal)) return refuse(refused("cross_site", crossSite()));
    if (!write) {
      const answer = await gateway(request);
      return keepJobs(ctx, operation.id, answer);
    }

    const spend = !dryRun && isSpending(operation);
    const limit = principal.rateLimitPerMinute ?? ctx.config.rateLimitPerMinute;
    const start = { operation: label, method, path: match.path, target, spend };
    // Under a limit or a budget, the admission (which writes the audit row) runs while the gateway
    // reads and checks the body, and the gateway sends nothing upstream until it says yes
    // (forwardWhen): a refused call is never forwarded. A budget reads the call's bound from the
    // body the gateway read (forwardedJson). A call with nothing to admit it by is forwarded at
    // once and its row written as it is sent (sent), while the upstream works; either way the
    // answer waits for the row, so a call answered always has it.
    const admitting: Promise<Admission> = spend
      ? // Counting, checking the budgets and recording in one step: checking first and recording
        // later let concurrent calls all pass the check (see admitSpending).
        admitSpending(
          ctx,
          principal,
          start,
          limit,
          async () => {
            const body = await forwardedJson(request);
            return spendingBound(
              label,
              body ? new TextDecoder().decode(body) : null,
              ctx.config.budgetDefaultMaxTokens,
            );
          },
          { after: sent(request) },
        )
      : auditStart(ctx, principal, start, sent(request)).then((started) => ({
          ok: true,
          ...started,
        }));
    forwardWhen(
      request,
      admitting.then(
        (admission) => admission.ok,
        () => false,
      ),
    );
    const answering = gateway(request);
    answering.catch(() => {}); // awaited below, once admission is known
    let admission: Admission;
    try {
      admission = await admitting;
    } catch (error) {
      // No row, so nothing was forwarded: the failure is the answer.
      await answering.then((r) => r.body?.cancel()).catch(() => {});
      throw error;
    }
    if (!admission.ok) {
      await answering.then((r) => r.body?.cancel()).catch(() => {});
      const wait = admission.retryAfter;
      metrics.refusals.inc({ reason: admission.reason });
      const message =
        admission.reason === "budget_exceeded"
          ? admission.message
          : `You have made ${limit} spending requests in the last minute, the most this console allows you. Try again in ${wait} s.`;
      return refuse(
        fromResponse(
          refusal(429, admission.reason, message, { headers: { "retry-after": String(wait) } }),
        ),
      );
    }
    const finish = admission.finish;
    try {
      await admission.recorded;
    } catch (error) {
      // Forwarded, but its row could not be written: the call is cut off (a generation stops).
      await answering.then((r) => r.body?.cancel()).catch(() => {});
      throw error;
    }
    let response: Answer;
    try {
      response = await answering;
    } catch (error) {
      await finish({ status: 500 });
      throw error;
    }
    if (!dryRun) response = keepJobs(ctx, operation.id, response);
    const creates = dryRun ? undefined : CREATES[operation.id];
    return observeResponse(
      response,
      request.signal,
      async (seen) => {
        try {
          const made = creates && seen.status < 300 ? creates.id(seen) : null;
          if (creates && made) await recordOwner(ctx, creates.kind, made, principal);
          recordTokens(
            seen.model,
            seen.usage?.promptTokens ?? null,
            seen.usage?.completionTokens ?? null,
          );
          await finish({
            status: seen.status,
            // Uploads and new resources are filed under their new id; completions under their model.
            target: target ?? made ?? (operation.tag === "files" ? seen.id : seen.model),
            model: seen.model,
            usage: seen.usage,
          });
        } catch (error) {
          console.error(`[audit] could not record ${label}: ${String(error)}`);
        }
      },
      // The body the gateway forwarded (spending calls take JSON), read only if a stream ends
      // without usage (see observe.ts).
      async () => {
        const body = spend ? await forwardedJson(request) : undefined;
        return body ? estimatePromptTokens(new TextDecoder().decode(body)) : null;
      },
    );
  }

  // Every /v1 request is counted here, once, by operation and status, with its latency.
  return function measured(request) {
    requestTiming(request);
    return guarded(request).then(
      (response) => {
        recordAnswer(request, response.status);
        return response;
      },
      (error: unknown) => {
        recordAnswer(request, 500);
        throw error;
      },
    );
  };
}
