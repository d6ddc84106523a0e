import { PERMISSIONS, can } from "@/lib/auth/permissions";
import type { MeResponse } from "@/lib/console/session";
import { consoleRoute } from "@/lib/server/auth/route";

export const dynamic = "force-dynamic";

export const GET = consoleRoute({
  permission: null,
  handler: async ({ ctx, principal }): Promise<MeResponse> => ({
    user: {
      id: principal.userId,
      email: principal.email,
      name: principal.name,
      role: principal.role,
    },
    permissions: PERMISSIONS.filter((p) => can(principal.role, p)),
    authMode: ctx.config.mode,
  }),
});
