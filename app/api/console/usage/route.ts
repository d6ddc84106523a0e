import { can } from "@/lib/auth/permissions";
import { usageQuery } from "@/lib/console/usage";
import { queryUnitUsage, queryUsage, usageCsv } from "@/lib/server/auth/audit";
import { consoleRoute } from "@/lib/server/auth/route";
import { listTokens } from "@/lib/server/auth/tokens";
import { listUsers, UserError } from "@/lib/server/auth/users";
import { listTeams, teamOf } from "@/lib/server/teams";

export const dynamic = "force-dynamic";

const DAY_MS = 24 * 60 * 60 * 1000;

export const GET = consoleRoute({
  permission: "usage.read_own",
  query: usageQuery,
  handler: async ({ ctx, principal, query: { days, user, team, token, format } }) => {
    const all = can(principal.role, "usage.read_all");
    // A team's admins see their team's usage; usage.read_all sees every team's.
    const own = all ? null : await teamOf(ctx, principal.userId);
    const adminOf = own?.role === "admin" ? own : null;
    if (team && !all && team !== adminOf?.id) {
      throw new UserError(
        403,
        "forbidden",
        "Only the team's admins (or usage.read_all) see a team's usage.",
        "team",
      );
    }
    // Within a team they may see, any of its members (the team filter keeps others out).
    const userId = all || team ? user : principal.userId;
    // Whole UTC days: today and the days - 1 before it.
    const to = Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS;
    const from = to - days * DAY_MS;
    const filter = { from, to, userId, teamId: team, tokenId: token };
    // Tokens in `rows`; calls billed in other units (OCR pages, audio seconds) in `units`.
    const rows = await queryUsage(ctx, filter);
    const teams = all ? await listTeams(ctx) : adminOf ? await listTeams(ctx, [adminOf.id]) : [];
    // Names for the tokens the rows may name: everyone's with usage.read_all, else the caller's
    // own (a team admin sees a member's token calls by their id only).
    const tokens = (await listTokens(ctx, all ? null : principal.userId)).map((t) => ({
      id: t.id,
      name: t.name,
      userEmail: t.userEmail,
    }));
    if (format === "csv") {
      const names = new Map(teams.map((t) => [t.id, t.name]));
      if (own) names.set(own.id, own.name);
      const tokenNames = new Map(tokens.map((t) => [t.id, t.name]));
      return new Response(usageCsv(rows, names, tokenNames), {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="usage-${new Date().toISOString().slice(0, 10)}.csv"`,
          "cache-control": "no-store",
        },
      });
    }
    const units = await queryUnitUsage(ctx, filter);
    const users = all
      ? (await listUsers(ctx)).map((u) => ({ id: u.id, email: u.email }))
      : adminOf
        ? (teams[0]?.members ?? []).map((m) => ({ id: m.userId, email: m.email }))
        : [{ id: principal.userId, email: principal.email }];
    return {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      rows,
      units,
      users,
      teams: teams.map((t) => ({ id: t.id, name: t.name })),
      tokens,
    };
  },
});
