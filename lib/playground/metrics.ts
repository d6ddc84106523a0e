// Time to first token and tokens per second for one streamed answer.
import { countTokens } from "@/lib/mistral/tokens";

export interface Meter {
  start: number;
  firstToken: number | null;
  end: number | null;
}

export function startMeter(now: number): Meter {
  return { start: now, firstToken: null, end: null };
}

export function markToken(meter: Meter, now: number): Meter {
  return meter.firstToken == null ? { ...meter, firstToken: now } : meter;
}

export function endMeter(meter: Meter, now: number): Meter {
  return { ...meter, end: now };
}

export function timeToFirstToken(meter: Meter): number | null {
  return meter.firstToken == null ? null : Math.max(0, meter.firstToken - meter.start);
}

/**
 * Completion tokens over the time from the first token to the end. Uses the API's count when the
 * stream reported usage, else an estimate from the text.
 */
export function tokensPerSecond(
  meter: Meter,
  completionTokens: number | null | undefined,
  text: string,
): number | null {
  if (meter.firstToken == null || meter.end == null) return null;
  const seconds = (meter.end - meter.firstToken) / 1000;
  const tokens = completionTokens ?? countTokens(text);
  if (seconds <= 0.001 || tokens <= 1) return null;
  // The first token arrives at firstToken, so the rate covers the tokens after it.
  return (tokens - 1) / seconds;
}
