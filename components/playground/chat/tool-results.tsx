"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, textareaClass } from "@/components/ui/field";
import type { ToolCall } from "@/lib/mistral/types";

/** The user runs the functions the model asked for and gives each result back. */
export function ToolResultsForm({
  calls,
  onSubmit,
  disabled,
}: {
  calls: ToolCall[];
  onSubmit: (results: { call: ToolCall; content: string }[]) => void;
  disabled?: boolean;
}) {
  const [values, setValues] = useState<string[]>(() => calls.map(() => ""));
  const ready = values.every((v) => v.trim() !== "");
  return (
    <form
      aria-label="Tool results"
      className="flex flex-col gap-3 rounded-lg border border-info/40 bg-info-soft px-4 py-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) onSubmit(calls.map((call, i) => ({ call, content: values[i] })));
      }}
    >
      <p className="text-sm">
        The model asked for{" "}
        {calls.length === 1 ? "a function call" : `${calls.length} function calls`}. Run{" "}
        {calls.length === 1 ? "it" : "them"} and give the result{calls.length === 1 ? "" : "s"} to
        continue.
      </p>
      {calls.map((call, i) => (
        <Field
          key={call.id ?? i}
          label={`Result of ${call.function.name}`}
          description={`Usually JSON, e.g. {"temperature": 18}.`}
        >
          {(ids) => (
            <textarea
              {...ids}
              className={`${textareaClass} min-h-16 font-mono text-xs`}
              value={values[i]}
              onChange={(e) => setValues((v) => v.map((x, j) => (j === i ? e.target.value : x)))}
            />
          )}
        </Field>
      ))}
      <Button
        type="submit"
        variant="primary"
        size="sm"
        className="self-start"
        disabled={!ready || disabled}
      >
        Send results
      </Button>
    </form>
  );
}
