import { auditQuery } from "@/lib/console/audit";
import { auditCsv, queryAudit } from "@/lib/server/auth/audit";
import { consoleRoute } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

const CSV_MAX_ROWS = 100_000;

export const GET = consoleRoute({
  permission: "audit.read",
  query: auditQuery,
  handler: async ({ ctx, query }) => {
    const { user, format, limit, ...filter } = query;
    const csv = format === "csv";
    const entries = await queryAudit(ctx, {
      ...filter,
      userId: user,
      limit: csv ? CSV_MAX_ROWS : limit,
    });
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
    return {
      entries,
      nextBefore: entries.length === limit ? entries[entries.length - 1].id : null,
    };
  },
});
