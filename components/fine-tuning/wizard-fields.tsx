"use client";

import { createContext, useContext } from "react";
import { Field, inputClass } from "@/components/ui/field";
import type { WizardDraft } from "@/lib/fine-tuning/form";

/** What every step needs: the draft, a way to change it, and the error to show on a field. */
export interface WizardApi {
  draft: WizardDraft;
  update: (change: (d: WizardDraft) => WizardDraft, touchedKey?: string) => void;
  errorOf: (key: string) => string | undefined;
}

export const WizardContext = createContext<WizardApi | null>(null);

export function useWizard(): WizardApi {
  const ctx = useContext(WizardContext);
  if (!ctx) throw new Error("useWizard outside the wizard");
  return ctx;
}

/** A labelled text input bound to one field key, its errors shown as the user types. */
export function TextField({
  fieldKey,
  label,
  description,
  value,
  onChange,
  type = "text",
  placeholder,
  inputMode,
  className = "",
  autoComplete = "off",
  maxLength,
}: {
  fieldKey: string;
  label: React.ReactNode;
  description?: React.ReactNode;
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "password";
  placeholder?: string;
  inputMode?: "decimal" | "numeric" | "text";
  className?: string;
  autoComplete?: string;
  maxLength?: number;
}) {
  const { errorOf } = useWizard();
  return (
    <Field label={label} description={description} error={errorOf(fieldKey)} className={className}>
      {(ids) => (
        <input
          {...ids}
          data-field={fieldKey}
          className={`${inputClass} ${type === "password" ? "font-mono" : ""}`}
          type={type}
          value={value}
          inputMode={inputMode}
          placeholder={placeholder}
          autoComplete={autoComplete}
          spellCheck={false}
          maxLength={maxLength}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
