// Every number, size and time shown to a person is formatted here (pages, the linter's report and
// the gateway's messages alike). No dependencies: it runs in the browser, a worker and the server.

const EMPTY = "—";

/** Sizes in binary multiples with the usual short names (512 MB = 512 × 1024² bytes). */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null || !Number.isFinite(bytes)) return EMPTY;
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || Number.isInteger(value) ? 0 : value < 10 ? 1 : 0;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

export function formatNumber(n: number | null | undefined, digits = 0): string {
  if (n == null || !Number.isFinite(n)) return EMPTY;
  return n.toLocaleString("en-US", { maximumFractionDigits: digits });
}

/** Unix seconds (as the API sends) or a date string, to a Date. */
export function toDate(value: number | string | null | undefined): Date | null {
  if (value == null || value === "") return null;
  const d = typeof value === "number" ? new Date(value * 1000) : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatDateTime(value: number | string | null | undefined): string {
  const d = toDate(value);
  return d
    ? d.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" }) +
        " UTC"
    : EMPTY;
}

const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

export function formatRelative(value: number | string | null | undefined, now = Date.now()) {
  const d = toDate(value);
  if (!d) return EMPTY;
  const seconds = Math.round((d.getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return "just now";
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), "hour");
  if (abs < 86400 * 30) return rtf.format(Math.round(seconds / 86400), "day");
  if (abs < 86400 * 365) return rtf.format(Math.round(seconds / (86400 * 30)), "month");
  return rtf.format(Math.round(seconds / (86400 * 365)), "year");
}

export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds)) return EMPTY;
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  const h = Math.floor(m / 60);
  return `${h} h ${m % 60} min`;
}

export function formatMoney(amount: number | null | undefined, currency?: string | null) {
  if (amount == null || !Number.isFinite(amount)) return EMPTY;
  try {
    return amount.toLocaleString("en-US", { style: "currency", currency: currency || "USD" });
  } catch {
    return `${amount.toFixed(2)} ${currency ?? ""}`.trim();
  }
}

export function orDash(value: string | number | null | undefined): string {
  return value == null || value === "" ? EMPTY : String(value);
}
