"use client";

import {
  useController,
  useFormContext,
  type FieldErrors,
  type FieldPathByValue,
} from "react-hook-form";
import { Field, inputClass } from "@/components/ui/field";
import type { JobForm } from "@/lib/fine-tuning/form";

/** The wizard's form (react-hook-form), for the steps inside it. */
export const useJobForm = () => useFormContext<JobForm>();

/** A text field of the job form, by its path (`hyperparameters.learning_rate`). */
export type TextFieldName = FieldPathByValue<JobForm, string>;

/** An error shown on the form: `key` is the field's API path, `path` where the form keeps it. */
export interface ShownError {
  key: string;
  path: string;
  message: string;
  type: string;
}

/**
 * The form's errors as a list. An error about a whole list (no training file) is kept by the form
 * at `training_files` or, beside its items' own errors, at `training_files.root`: both are
 * `training_files` to the user.
 */
export function listErrors(errors: FieldErrors<JobForm>): ShownError[] {
  const out: ShownError[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (!node || typeof node !== "object") return;
    const e = node as { message?: unknown; type?: unknown };
    if (typeof e.message === "string" && e.message) {
      const key = (path.at(-1) === "root" ? path.slice(0, -1) : path).join(".");
      out.push({ key, path: path.join("."), message: e.message, type: String(e.type ?? "") });
    }
    for (const [name, child] of Object.entries(node)) {
      if (name !== "ref" && name !== "message" && name !== "type" && name !== "types") {
        walk(child, [...path, name]);
      }
    }
  };
  walk(errors, []);
  return out;
}

/** A labelled text input bound to one field of the form, its errors shown as the user types. */
export function TextField({
  name,
  label,
  description,
  type = "text",
  placeholder,
  inputMode,
  className = "",
  autoComplete = "off",
  maxLength,
}: {
  name: TextFieldName;
  label: React.ReactNode;
  description?: React.ReactNode;
  type?: "text" | "password";
  placeholder?: string;
  inputMode?: "decimal" | "numeric" | "text";
  className?: string;
  autoComplete?: string;
  maxLength?: number;
}) {
  const { field, fieldState } = useController<JobForm, TextFieldName>({ name });
  return (
    <Field
      label={label}
      description={description}
      error={fieldState.error?.message}
      className={className}
    >
      {(ids) => (
        <input
          {...ids}
          ref={field.ref}
          name={field.name}
          data-field={name}
          className={`${inputClass} ${type === "password" ? "font-mono" : ""}`}
          type={type}
          value={field.value}
          inputMode={inputMode}
          placeholder={placeholder}
          autoComplete={autoComplete}
          spellCheck={false}
          maxLength={maxLength}
          onChange={(e) => field.onChange(e.target.value)}
          onBlur={field.onBlur}
        />
      )}
    </Field>
  );
}
