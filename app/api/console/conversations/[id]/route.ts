import { consoleRoute, json, readObject } from "@/lib/server/auth/route";
import {
  checkId,
  deleteConversation,
  getConversation,
  MAX_CONVERSATION_BYTES,
  notFound,
  parsePatch,
  parseReplace,
  renameConversation,
  replaceConversation,
} from "@/lib/server/conversations";

export const dynamic = "force-dynamic";

// Only the owner's: anyone else's id answers 404 exactly as an id that never existed.
export const GET = consoleRoute("playground.use", async ({ ctx, principal, params }) => {
  const found = await getConversation(ctx, principal.userId, checkId(params.id));
  if (!found) throw notFound();
  return json({ conversation: found });
});

export const PUT = consoleRoute("playground.use", async ({ ctx, principal, params, request }) => {
  const id = checkId(params.id);
  const body = parseReplace(await readObject(request, MAX_CONVERSATION_BYTES));
  const saved = await replaceConversation(ctx, principal.userId, id, body);
  if (!saved) throw notFound();
  return json({ conversation: saved });
});

export const PATCH = consoleRoute("playground.use", async ({ ctx, principal, params, request }) => {
  const id = checkId(params.id);
  const { title } = parsePatch(await readObject(request));
  const saved = await renameConversation(ctx, principal.userId, id, title);
  if (!saved) throw notFound();
  return json({ conversation: saved });
});

export const DELETE = consoleRoute("playground.use", async ({ ctx, principal, params }) => {
  if (!(await deleteConversation(ctx, principal.userId, checkId(params.id)))) throw notFound();
  return new Response(null, { status: 204 });
});
