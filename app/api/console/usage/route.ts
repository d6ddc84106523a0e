import { can } from "@/lib/auth/permissions";
import { queryUnitUsage, queryUsage } from "@/lib/server/auth/audit";
import { consoleRoute, json } from "@/lib/server/auth/route";
import { listUsers, UserError } from "@/lib/server/auth/users";

export const dynamic = "force-dynamic";

const DAY_MS = 24 * 60 * 60 * 1000;

export const GET = consoleRoute("usage.read_own", async ({ ctx, principal, request }) => {
  const params = new URL(request.url).searchParams;
  const days = params.get("days") ? Number(params.get("days")) : 30;
  if (!Number.isInteger(days) || days < 1 || days > 366) {
    throw new UserError(422, "invalid_field", "days must be a whole number from 1 to 366.", "days");
  }
  const all = can(principal.role, "usage.read_all");
  const userId = all ? params.get("user") || undefined : principal.userId;
  // Whole UTC days: today and the days - 1 before it.
  const to = Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS;
  const from = to - days * DAY_MS;
  // Tokens in `rows`; calls billed in other units (OCR pages, audio seconds) in `units`.
  const rows = await queryUsage(ctx, { from, to, userId });
  const units = await queryUnitUsage(ctx, { from, to, userId });
  const users = all
    ? (await listUsers(ctx)).map((u) => ({ id: u.id, email: u.email }))
    : [{ id: principal.userId, email: principal.email }];
  return json({
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    rows,
    units,
    users,
  });
});
