// The price dialog's form: four amounts in USD as typed, empty for unknown (never a made-up 0).
import { z } from "zod";
import { USD_PATTERN, type PriceInfo, type PutPriceBody } from "@/lib/console/prices";

const RULE = "Use an amount in US dollars such as 0.15 (up to 9 decimals), or leave it empty.";

/** Empty is unknown (null); "$0.15" is read as 0.15; anything else must be an amount. */
const priceText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v.replace(/^\$\s*/, "")))
  .pipe(z.string().regex(USD_PATTERN, { error: RULE }).nullable());

export const priceForm = z.object({
  inputPerM: priceText,
  outputPerM: priceText,
  perOcrPage: priceText,
  perAudioMinute: priceText,
});
export type PriceFormValues = z.input<typeof priceForm>;
export type PriceFormOutput = z.output<typeof priceForm>;
export const PRICE_FIELDS = Object.keys(priceForm.shape);

export const PRICE_LABELS: Record<keyof PriceFormValues, string> = {
  inputPerM: "Input, per million tokens",
  outputPerM: "Output, per million tokens",
  perOcrPage: "Per OCR page",
  perAudioMinute: "Per audio minute",
};

export function priceFormDefaults(p?: PriceInfo): PriceFormValues {
  return {
    inputPerM: p?.inputPerM ?? "",
    outputPerM: p?.outputPerM ?? "",
    perOcrPage: p?.perOcrPage ?? "",
    perAudioMinute: p?.perAudioMinute ?? "",
  };
}

/** The bodies that set these prices on a model and each of its other names. */
export function priceBodies(names: readonly string[], v: PriceFormOutput): PutPriceBody[] {
  return names.map((model) => ({ model, ...v }));
}
