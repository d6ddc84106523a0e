import { auditCsv, queryAudit, type AuditFilter } from "@/lib/server/auth/audit";
import { consoleRoute, json } from "@/lib/server/auth/route";
import { UserError } from "@/lib/server/auth/users";

export const dynamic = "force-dynamic";

const CSV_MAX_ROWS = 100_000;

function time(params: URLSearchParams, name: string): number | undefined {
  const value = params.get(name);
  if (!value) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new UserError(422, "invalid_field", `${name} must be a date or time (ISO 8601).`, name);
  }
  return ms;
}

export const GET = consoleRoute("audit.read", async ({ ctx, request }) => {
  const params = new URL(request.url).searchParams;
  const csv = params.get("format") === "csv";
  const limitText = params.get("limit");
  const limit = limitText ? Number(limitText) : 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new UserError(
      422,
      "invalid_field",
      "limit must be a whole number from 1 to 500.",
      "limit",
    );
  }
  const beforeText = params.get("before");
  const before = beforeText ? Number(beforeText) : undefined;
  if (before !== undefined && !Number.isInteger(before)) {
    throw new UserError(422, "invalid_field", "before must be an entry id.", "before");
  }
  const filter: AuditFilter = {
    userId: params.get("user") || undefined,
    operation: params.get("operation") || undefined,
    target: params.get("target") || undefined,
    from: time(params, "from"),
    to: time(params, "to"),
    before,
    limit: csv ? CSV_MAX_ROWS : limit,
  };
  const entries = await queryAudit(ctx, filter);
  if (csv) {
    const day = new Date().toISOString().slice(0, 10);
    return new Response(auditCsv(entries), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="audit-${day}.csv"`,
        "cache-control": "no-store",
      },
    });
  }
  return json({
    entries,
    nextBefore: entries.length === limit ? entries[entries.length - 1].id : null,
  });
});
