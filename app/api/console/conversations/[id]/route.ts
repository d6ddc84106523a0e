import {
  conversationBody,
  MAX_CONVERSATION_BYTES,
  renameConversationBody,
} from "@/lib/console/conversations";
import { consoleRoute } from "@/lib/server/auth/route";
import {
  checkId,
  deleteConversation,
  getConversation,
  notFound,
  renameConversation,
  replaceConversation,
} from "@/lib/server/conversations";

export const dynamic = "force-dynamic";

// Only the owner's: anyone else's id answers 404 exactly as an id that never existed.
export const GET = consoleRoute({
  permission: "playground.use",
  handler: async ({ ctx, principal, params }) => {
    const found = await getConversation(ctx, principal.userId, checkId(params.id));
    if (!found) throw notFound();
    return { conversation: found };
  },
});

export const PUT = consoleRoute({
  permission: "playground.use",
  body: conversationBody,
  bodyLimit: MAX_CONVERSATION_BYTES,
  handler: async ({ ctx, principal, params, body }) => {
    const saved = await replaceConversation(ctx, principal.userId, checkId(params.id), body);
    if (!saved) throw notFound();
    return { conversation: saved };
  },
});

export const PATCH = consoleRoute({
  permission: "playground.use",
  body: renameConversationBody,
  handler: async ({ ctx, principal, params, body }) => {
    const saved = await renameConversation(ctx, principal.userId, checkId(params.id), body.title);
    if (!saved) throw notFound();
    return { conversation: saved };
  },
});

export const DELETE = consoleRoute({
  permission: "playground.use",
  status: 204,
  handler: async ({ ctx, principal, params }) => {
    if (!(await deleteConversation(ctx, principal.userId, checkId(params.id)))) throw notFound();
  },
});
