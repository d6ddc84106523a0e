import "server-only";
import { usdToNanos, type PriceInfo, type PutPriceBody } from "@/lib/console/prices";
import type { AuthContext } from "./auth/auth";
import { UserError } from "./auth/users";

/**
 * The price table (README "Teams, prices and budgets"): USD per million input and output tokens,
 * per OCR page and per audio minute, by model, as admins enter them (decimal text, so nothing is
 * rounded). A null price is unknown: calls it would price keep their tokens and no cost. The API
 * reports no inference prices to a workspace key (the fine-tuning dry run's cost is a training
 * price, not a per-token one), so the table starts empty rather than with invented figures.
 */

/** One model's prices in exact nano-dollars per unit (per million tokens, per page, per minute). */
export interface ModelPrice {
  inputPerM: bigint | null;
  outputPerM: bigint | null;
  perOcrPage: bigint | null;
  perAudioMinute: bigint | null;
}

const nanos = (text: string | null): bigint | null => {
  const n = text === null ? null : usdToNanos(text);
  return n === null ? null : BigInt(n);
};

/** The model's prices now, or null when it has none. */
export async function priceFor(ctx: AuthContext, model: string | null): Promise<ModelPrice | null> {
  if (!model) return null;
  const row = await ctx.database.db
    .selectFrom("price")
    .select(["input_per_m", "output_per_m", "per_ocr_page", "per_audio_minute"])
    .where("model", "=", model)
    .executeTakeFirst();
  return row
    ? {
        inputPerM: nanos(row.input_per_m),
        outputPerM: nanos(row.output_per_m),
        perOcrPage: nanos(row.per_ocr_page),
        perAudioMinute: nanos(row.per_audio_minute),
      }
    : null;
}

/** What a call consumed, in every unit the table prices. */
export interface Consumption {
  promptTokens: number | null;
  completionTokens: number | null;
  pages?: number | null;
  audioSeconds?: number | null;
}

/** Integer division rounding half up (costs are positive). */
const divRound = (n: bigint, d: bigint) => (n + d / 2n) / d;

/**
 * A call's cost in nano-dollars at `price`, or null when something it consumed has no price (a
 * partial figure would understate it). Computed in integers: exact.
 */
export function costNanos(price: ModelPrice | null, used: Consumption): number | null {
  if (!price) return null;
  let total = 0n;
  let priced = false;
  const add = (quantity: number | null | undefined, per: bigint | null, unit: bigint) => {
    if (!quantity) return true;
    if (per === null) return false;
    // Audio seconds may be fractional: count them in milliseconds.
    const scaled = BigInt(Math.round(quantity * 1000));
    total += divRound(scaled * per, unit * 1000n);
    priced = true;
    return true;
  };
  const ok =
    add(used.promptTokens, price.inputPerM, 1_000_000n) &&
    add(used.completionTokens, price.outputPerM, 1_000_000n) &&
    add(used.pages, price.perOcrPage, 1n) &&
    add(used.audioSeconds, price.perAudioMinute, 60n);
  return ok && priced ? Number(total) : ok ? 0 : null;
}

const toInfo = (r: {
  model: string;
  input_per_m: string | null;
  output_per_m: string | null;
  per_ocr_page: string | null;
  per_audio_minute: string | null;
  source: string;
  updated_at: number;
  updated_by: string | null;
}): PriceInfo => ({
  model: r.model,
  inputPerM: r.input_per_m,
  outputPerM: r.output_per_m,
  perOcrPage: r.per_ocr_page,
  perAudioMinute: r.per_audio_minute,
  source: r.source === "api" ? "api" : "admin",
  updatedAt: new Date(Number(r.updated_at)).toISOString(),
  updatedBy: r.updated_by,
});

export async function listPrices(ctx: AuthContext): Promise<PriceInfo[]> {
  const rows = await ctx.database.db.selectFrom("price").selectAll().orderBy("model").execute();
  return rows.map(toInfo);
}

/** Sets every price of one model (a null is unknown). Calls already settled keep their cost. */
export async function setPrice(
  ctx: AuthContext,
  by: string,
  body: Required<PutPriceBody>,
): Promise<PriceInfo> {
  const row = {
    model: body.model,
    input_per_m: body.inputPerM,
    output_per_m: body.outputPerM,
    per_ocr_page: body.perOcrPage,
    per_audio_minute: body.perAudioMinute,
    source: "admin",
    updated_at: Date.now(),
    updated_by: by,
  };
  await ctx.database.db
    .insertInto("price")
    .values(row)
    .onConflict((oc) =>
      oc.column("model").doUpdateSet({
        input_per_m: row.input_per_m,
        output_per_m: row.output_per_m,
        per_ocr_page: row.per_ocr_page,
        per_audio_minute: row.per_audio_minute,
        source: row.source,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
      }),
    )
    .execute();
  return toInfo(row);
}

export async function deletePrice(ctx: AuthContext, model: string): Promise<void> {
  const result = await ctx.database.db
    .deleteFrom("price")
    .where("model", "=", model)
    .executeTakeFirst();
  if (!result.numDeletedRows) {
    throw new UserError(404, "not_found", `No price is set for the model ${model}.`);
  }
}
