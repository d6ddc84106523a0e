import { PERMISSIONS, can } from "@/lib/auth/permissions";
import { consoleRoute, json } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

export const GET = consoleRoute(null, async ({ ctx, principal }) =>
  json({
    user: {
      id: principal.userId,
      email: principal.email,
      name: principal.name,
      role: principal.role,
    },
    permissions: PERMISSIONS.filter((p) => can(principal.role, p)),
    authMode: ctx.config.mode,
  }),
);
