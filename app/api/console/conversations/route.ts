import { createConversationBody, MAX_CONVERSATION_BYTES } from "@/lib/console/conversations";
import { consoleRoute } from "@/lib/server/auth/route";
import { createConversation, listConversations } from "@/lib/server/conversations";

export const dynamic = "force-dynamic";

// The caller's own playground conversations: nobody, admins included, lists anyone else's.
export const GET = consoleRoute({
  permission: "playground.use",
  handler: async ({ ctx, principal }) => ({
    conversations: await listConversations(ctx, principal.userId),
  }),
});

export const POST = consoleRoute({
  permission: "playground.use",
  body: createConversationBody,
  bodyLimit: MAX_CONVERSATION_BYTES,
  status: 201,
  handler: async ({ ctx, principal, body }) => ({
    conversation: await createConversation(ctx, principal.userId, body),
  }),
});
