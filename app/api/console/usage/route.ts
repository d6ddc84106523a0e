import { can } from "@/lib/auth/permissions";
import { usageQuery } from "@/lib/console/usage";
import { queryUnitUsage, queryUsage } from "@/lib/server/auth/audit";
import { consoleRoute } from "@/lib/server/auth/route";
import { listUsers } from "@/lib/server/auth/users";

export const dynamic = "force-dynamic";

const DAY_MS = 24 * 60 * 60 * 1000;

export const GET = consoleRoute({
  permission: "usage.read_own",
  query: usageQuery,
  handler: async ({ ctx, principal, query: { days, user } }) => {
    const all = can(principal.role, "usage.read_all");
    const userId = all ? user : principal.userId;
    // Whole UTC days: today and the days - 1 before it.
    const to = Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS;
    const from = to - days * DAY_MS;
    // Tokens in `rows`; calls billed in other units (OCR pages, audio seconds) in `units`.
    const rows = await queryUsage(ctx, { from, to, userId });
    const units = await queryUnitUsage(ctx, { from, to, userId });
    const users = all
      ? (await listUsers(ctx)).map((u) => ({ id: u.id, email: u.email }))
      : [{ id: principal.userId, email: principal.email }];
    return {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      rows,
      units,
      users,
    };
  },
});
