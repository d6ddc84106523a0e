// Retry-After (RFC 9110 §10.2.3), read the same way by the browser and the server: this module
// imports nothing, so either side may use it.

/**
 * Seconds to wait from a Retry-After value: a number of seconds ("120", fractions tolerated) or an
 * HTTP date (then counted from `now`, never below 0). Null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  // Only a date has letters ("Wed, 21 Oct 2015 07:28:00 GMT"); "-5" or "1e3" are not one.
  if (!/[a-z]/i.test(text)) return null;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, (date - now) / 1000);
}
