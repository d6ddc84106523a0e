/**
 * What the fine-tuned model will be called: `ft:<model>:<suffix>:<YYYYMMDD>:<8 hex>`.
 * The date is the day training ends and the hex part is only known then, so both are previews.
 */
export function previewModelName(model: string, suffix: string, date = new Date()): string {
  const day = date.toISOString().slice(0, 10).replace(/-/g, "");
  return `ft:${model || "<model>"}:${suffix.trim() || "xxxxxxxx"}:${day}:xxxxxxxx`;
}
