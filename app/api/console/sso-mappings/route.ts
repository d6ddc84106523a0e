import { putSsoMappingsBody } from "@/lib/console/sso";
import { consoleRoute } from "@/lib/server/auth/route";
import { mappingsResponse, replaceRules } from "@/lib/server/sso";

export const dynamic = "force-dynamic";

export const GET = consoleRoute({
  permission: "users.manage",
  handler: async ({ ctx }) => mappingsResponse(ctx),
});

export const PUT = consoleRoute({
  permission: "users.manage",
  body: putSsoMappingsBody,
  // Up to 200 rules of a group name each: more than the default 16 KB.
  bodyLimit: 128 * 1024,
  handler: async ({ ctx, body }) => {
    await replaceRules(ctx, body.rules);
    return mappingsResponse(ctx);
  },
  audit: {
    operation: "sso_mappings.update",
    target: ({ result }) => `${result.rules.length} rule${result.rules.length === 1 ? "" : "s"}`,
  },
});
