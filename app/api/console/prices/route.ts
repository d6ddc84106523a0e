import { putPriceBody } from "@/lib/console/prices";
import { consoleRoute } from "@/lib/server/auth/route";
import { listPrices, setPrice } from "@/lib/server/prices";

export const dynamic = "force-dynamic";

/** Everyone signed in reads the prices: their usage shows cost with them. */
export const GET = consoleRoute({
  permission: null,
  handler: async ({ ctx }) => ({ currency: "USD" as const, prices: await listPrices(ctx) }),
});

/** Sets one model's prices; calls already recorded keep the cost they were priced at. */
export const PUT = consoleRoute({
  permission: "prices.manage",
  body: putPriceBody,
  handler: async ({ ctx, principal, body }) => ({
    price: await setPrice(ctx, principal.email, body),
  }),
  audit: { operation: "prices.set", target: ({ result }) => result.price.model },
});
