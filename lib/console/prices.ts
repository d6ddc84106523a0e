// /api/console/prices: what each model costs, in USD (prices.manage to change; anyone signed in
// reads). Prices are decimal text as entered (exact); a null field is unknown, and calls it would
// price then show their tokens only: the console never invents a price.
import { z } from "zod";

export const pricesPath = "/api/console/prices";
export const pricePath = (model: string) => `${pricesPath}/${encodeURIComponent(model)}`;

/** USD, up to 6 whole digits and 9 decimals: "0.15", "2", "0.000125". */
export const USD_PATTERN = /^\d{1,6}(\.\d{1,9})?$/;
const USD_RULE = "Use an amount in US dollars such as 0.15 (up to 9 decimals), or null if unknown.";

/** A price in USD as decimal text, or null (unknown). */
export const usd = z
  .string({ error: USD_RULE })
  .trim()
  .regex(USD_PATTERN, { error: USD_RULE })
  .nullable();

export const priceSource = z.enum(["admin", "api"]);

export const price = z.object({
  model: z.string(),
  /** USD per million input (prompt) tokens. */
  inputPerM: z.string().nullable(),
  /** USD per million output (completion) tokens. */
  outputPerM: z.string().nullable(),
  perOcrPage: z.string().nullable(),
  perAudioMinute: z.string().nullable(),
  /** "api": seeded from what the API reported; "admin": set here. */
  source: priceSource,
  updatedAt: z.iso.datetime(),
  /** The admin's email, or null when seeded. */
  updatedBy: z.string().nullable(),
});
export type PriceInfo = z.infer<typeof price>;

export const MODEL_ID_MAX = 200;

/** PUT /api/console/prices → `{ price }`: sets every price of one model (null = unknown). */
export const putPriceBody = z.object({
  model: z
    .string({ error: "Name the model." })
    .trim()
    .min(1, { error: "Name the model." })
    .max(MODEL_ID_MAX, { error: `Use at most ${MODEL_ID_MAX} characters.` }),
  inputPerM: usd.default(null),
  outputPerM: usd.default(null),
  perOcrPage: usd.default(null),
  perAudioMinute: usd.default(null),
});
export type PutPriceBody = z.input<typeof putPriceBody>;

/** GET /api/console/prices → `{ prices }`, by model. DELETE /api/console/prices/{model} → 204. */
export const pricesResponse = z.object({ currency: z.literal("USD"), prices: z.array(price) });
export const priceResponse = z.object({ price });
export type PricesResponse = z.infer<typeof pricesResponse>;
export type PriceResponse = z.infer<typeof priceResponse>;

/** Nano-dollars (the ledger's exact unit: 1 USD = 1e9) as "$1.234567" (at least 2 decimals). */
export function formatUsd(nanos: number): string {
  const sign = nanos < 0 ? "-" : "";
  const abs = Math.abs(Math.round(nanos));
  const whole = Math.floor(abs / 1e9);
  const frac = String(abs % 1e9)
    .padStart(9, "0")
    .replace(/0+$/, "")
    .padEnd(2, "0");
  return `${sign}$${whole.toLocaleString("en-US")}.${frac}`;
}

/** "12.5" (USD, as typed) → 12_500_000_000 nano-dollars, exactly; null if it is not an amount. */
export function usdToNanos(text: string): number | null {
  const match = /^(\d{1,6})(?:\.(\d{1,9}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 1e9 + Number((match[2] ?? "").padEnd(9, "0"));
}
