import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { fieldMessage } from "@/lib/console/fields";
import { describeError, toApiError } from "./errors";

/**
 * Shows a failed submit where it belongs: an answer naming one of the form's fields (a 4xx with
 * `param`, as the console's routes give for bad input) under that field, anything else as the
 * form's own error (`errors.root.server`).
 */
export function showServerError<T extends FieldValues>(
  error: unknown,
  fields: readonly string[],
  setError: UseFormSetError<T>,
): void {
  const e = toApiError(error);
  if (e.param && fields.includes(e.param)) {
    const message = fieldMessage(e.message, e.param);
    setError(e.param as Path<T>, { type: "server", message }, { shouldFocus: true });
    return;
  }
  const message = e.kind === "http" && e.message ? e.message : describeError(e).title;
  setError("root.server", { type: "server", message });
}
