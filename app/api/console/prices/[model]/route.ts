import { consoleRoute } from "@/lib/server/auth/route";
import { deletePrice } from "@/lib/server/prices";

export const dynamic = "force-dynamic";

/** The model is then unpriced: its next calls show tokens only (past costs stay). */
export const DELETE = consoleRoute({
  permission: "prices.manage",
  status: 204,
  handler: ({ ctx, params }) => deletePrice(ctx, params.model),
  audit: { operation: "prices.delete", target: ({ params }) => params.model },
});
