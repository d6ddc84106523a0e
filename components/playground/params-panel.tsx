"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { parseStopSequence, showStopSequence } from "@/lib/playground/request";
import type { ChatParams } from "@/lib/playground/types";

/** The request field each parameter is sent as, to find the server's 422 message for it. */
export const PARAM_FIELDS: Record<keyof ChatParams, string> = {
  temperature: "temperature",
  topP: "top_p",
  maxTokens: "max_tokens",
  minTokens: "min_tokens",
  stop: "stop",
  randomSeed: "random_seed",
  safePrompt: "safe_prompt",
  jsonMode: "response_format",
};

type NumberFieldProps = {
  label: string;
  description: string;
  value: number | null;
  onChange: (v: number | null) => void;
  min?: number;
  max?: number;
  step?: number;
  integer?: boolean;
  placeholder?: string;
  error?: string;
  slider?: boolean;
  disabled?: boolean;
};

const show = (v: number | null) => (v == null ? "" : String(v));

/** A number input that keeps what is typed (e.g. "0.") until it reads as a number. */
function NumberField({
  label,
  description,
  value,
  onChange,
  min,
  max,
  step,
  integer,
  placeholder,
  error,
  slider,
  disabled,
}: NumberFieldProps) {
  // What is typed, for the value it was typed for: an outside change (a loaded conversation)
  // replaces it, while "0." stays as typed until it becomes a number.
  const [draft, setDraft] = useState({ text: show(value), for: value });
  const text = draft.for === value ? draft.text : show(value);
  const parsed = text.trim() === "" ? null : Number(text);
  const local =
    parsed != null && (!Number.isFinite(parsed) || (integer && !Number.isInteger(parsed)))
      ? integer
        ? "Enter a whole number."
        : "Enter a number."
      : null;
  const change = (next: string) => {
    const n = next.trim() === "" ? null : Number(next);
    const ok = n == null || (Number.isFinite(n) && (!integer || Number.isInteger(n)));
    setDraft({ text: next, for: ok ? n : value });
    if (ok) onChange(n);
  };
  return (
    <Field label={label} description={description} error={local ?? error}>
      {(ids) => (
        <div className="flex items-center gap-2">
          {slider && (
            <input
              type="range"
              aria-label={`${label} slider`}
              className="h-9 w-full min-w-0 flex-1 accent-[var(--accent)]"
              min={min}
              max={max}
              step={step}
              value={value ?? min ?? 0}
              disabled={disabled}
              onChange={(e) => change(e.target.value)}
            />
          )}
          <input
            {...ids}
            type="text"
            inputMode={integer ? "numeric" : "decimal"}
            className={`${inputClass} ${slider ? "w-20! shrink-0" : ""}`}
            value={text}
            placeholder={placeholder}
            disabled={disabled}
            onChange={(e) => change(e.target.value)}
          />
        </div>
      )}
    </Field>
  );
}

function StopField({
  stop,
  onChange,
  error,
}: {
  stop: string[];
  onChange: (s: string[]) => void;
  error?: string;
}) {
  const [text, setText] = useState("");
  const add = () => {
    const s = parseStopSequence(text);
    if (s && !stop.includes(s)) onChange([...stop, s]);
    setText("");
  };
  return (
    <Field
      label="Stop sequences"
      description="Generation stops before any of these. Press Enter to add one; \n is a newline."
      error={error}
    >
      {(ids) => (
        <div className="flex flex-col gap-1.5">
          <div className="flex gap-2">
            <input
              {...ids}
              className={inputClass}
              value={text}
              placeholder="e.g. ###"
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  add();
                }
              }}
            />
            <Button size="sm" className="h-9" onClick={add} disabled={!text}>
              Add
            </Button>
          </div>
          {stop.length > 0 && (
            <ul aria-label="Stop sequences" className="flex flex-wrap gap-1">
              {stop.map((s) => (
                <li
                  key={s}
                  className="inline-flex items-center gap-1 rounded-full border border-border bg-surface-2 py-0.5 pr-1 pl-2 font-mono text-xs"
                >
                  {showStopSequence(s)}
                  <button
                    type="button"
                    aria-label={`Remove stop sequence ${showStopSequence(s)}`}
                    className="rounded-full px-1 text-muted hover:text-text"
                    onClick={() => onChange(stop.filter((x) => x !== s))}
                  >
                    ✕
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Field>
  );
}

function Check({
  label,
  description,
  checked,
  onChange,
  error,
}: {
  label: string;
  description: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  error?: string;
}) {
  return (
    <div className="flex flex-col gap-0.5">
      <label className="flex items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          className="h-4 w-4 accent-[var(--accent)]"
        />
        {label}
      </label>
      <p className="pl-6 text-xs text-muted">{description}</p>
      {error && <p className="pl-6 text-xs text-danger">{error}</p>}
    </div>
  );
}

/**
 * The sampling parameters with the spec's bounds and defaults. `only` limits the controls to what
 * an endpoint takes (agents have no temperature, FIM has no JSON mode).
 */
export function ParamsPanel({
  params,
  onChange,
  errorFor = () => undefined,
  only,
}: {
  params: ChatParams;
  onChange: (p: ChatParams) => void;
  errorFor?: (field: string) => string | undefined;
  only?: (keyof ChatParams)[];
}) {
  const set = <K extends keyof ChatParams>(k: K, v: ChatParams[K]) =>
    onChange({ ...params, [k]: v });
  const shown = (k: keyof ChatParams) => !only || only.includes(k);
  const err = (k: keyof ChatParams) => errorFor(PARAM_FIELDS[k]);
  return (
    <div className="flex flex-col gap-4">
      {shown("temperature") && (
        <NumberField
          label="Temperature"
          description="0 to 1.5, default 0.7. Higher is more varied, lower more focused."
          value={params.temperature}
          onChange={(v) => set("temperature", v ?? 0.7)}
          min={0}
          max={1.5}
          step={0.05}
          slider
          error={err("temperature")}
        />
      )}
      {shown("topP") && (
        <NumberField
          label="Top P"
          description="0 to 1, default 1. Samples only from the most likely tokens making up this probability mass."
          value={params.topP}
          onChange={(v) => set("topP", v ?? 1)}
          min={0}
          max={1}
          step={0.05}
          slider
          error={err("topP")}
        />
      )}
      <div className="grid grid-cols-2 gap-3">
        {shown("maxTokens") && (
          <NumberField
            label="Max tokens"
            description="Longest answer. Empty: up to the context length."
            value={params.maxTokens}
            onChange={(v) => set("maxTokens", v)}
            integer
            placeholder="No limit"
            error={err("maxTokens")}
          />
        )}
        {shown("minTokens") && (
          <NumberField
            label="Min tokens"
            description="Shortest answer. Empty: none."
            value={params.minTokens}
            onChange={(v) => set("minTokens", v)}
            integer
            placeholder="None"
            error={err("minTokens")}
          />
        )}
      </div>
      {shown("stop") && (
        <StopField stop={params.stop} onChange={(s) => set("stop", s)} error={err("stop")} />
      )}
      {shown("randomSeed") && (
        <NumberField
          label="Random seed"
          description="The same seed and request give the same answer. Empty: random."
          value={params.randomSeed}
          onChange={(v) => set("randomSeed", v)}
          integer
          placeholder="Random"
          error={err("randomSeed")}
        />
      )}
      {shown("jsonMode") && (
        <Check
          label="JSON mode"
          description="The answer is a JSON object (response_format json_object). Also ask for JSON in your messages."
          checked={params.jsonMode}
          onChange={(v) => set("jsonMode", v)}
          error={err("jsonMode")}
        />
      )}
      {shown("safePrompt") && (
        <Check
          label="Safe prompt"
          description="Adds Mistral's safety instructions before the conversation."
          checked={params.safePrompt}
          onChange={(v) => set("safePrompt", v)}
          error={err("safePrompt")}
        />
      )}
    </div>
  );
}
