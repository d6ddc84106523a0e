import { consoleRoute, json, readObject } from "@/lib/server/auth/route";
import {
  createConversation,
  listConversations,
  MAX_CONVERSATION_BYTES,
  parseCreate,
} from "@/lib/server/conversations";

export const dynamic = "force-dynamic";

// The caller's own playground conversations: nobody, admins included, lists anyone else's.
export const GET = consoleRoute("playground.use", async ({ ctx, principal }) =>
  json({ conversations: await listConversations(ctx, principal.userId) }),
);

export const POST = consoleRoute("playground.use", async ({ ctx, principal, request }) => {
  const body = parseCreate(await readObject(request, MAX_CONVERSATION_BYTES));
  return json({ conversation: await createConversation(ctx, principal.userId, body) }, 201);
});
