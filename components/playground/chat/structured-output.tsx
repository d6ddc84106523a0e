"use client";

import { Field, inputClass, textareaClass } from "@/components/ui/field";
import { readSchema } from "@/lib/playground/json-schema";
import type { JsonSchemaSettings } from "@/lib/playground/types";

const EXAMPLE: JsonSchemaSettings = {
  name: "book",
  schema: JSON.stringify(
    {
      type: "object",
      properties: {
        name: { type: "string" },
        authors: { type: "array", items: { type: "string" } },
      },
      required: ["name", "authors"],
      additionalProperties: false,
    },
    null,
    2,
  ),
  strict: true,
};

/** The JSON schema the answer must fit (`response_format: json_schema`), checked as it is typed. */
export function StructuredOutput({
  value,
  onChange,
  error,
}: {
  value: JsonSchemaSettings | null | undefined;
  onChange: (value: JsonSchemaSettings | null) => void;
  /** The server's 422 message for response_format, if any. */
  error?: string;
}) {
  const read = value ? readSchema(value.schema) : null;
  const issue = read && "issue" in read ? read.issue : undefined;
  return (
    <details open={!!value} className="rounded-md border border-border px-3 py-2">
      <summary className="cursor-pointer text-sm font-medium">
        Structured output {value && "(JSON schema)"}
      </summary>
      <div className="mt-3 flex flex-col gap-3">
        <label className="flex items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            className="h-4 w-4 accent-[var(--accent)]"
            checked={!!value}
            onChange={(e) => onChange(e.target.checked ? EXAMPLE : null)}
          />
          Answer with JSON that fits a schema
        </label>
        {value && (
          <>
            <Field label="Schema name">
              {(ids) => (
                <input
                  {...ids}
                  className={`${inputClass} font-mono`}
                  value={value.name}
                  spellCheck={false}
                  onChange={(e) => onChange({ ...value, name: e.target.value })}
                />
              )}
            </Field>
            <Field
              label="JSON schema"
              description="Checked as you type; the answer is checked against it."
              error={issue ?? error}
            >
              {(ids) => (
                <textarea
                  {...ids}
                  className={`${textareaClass} min-h-40 font-mono text-xs`}
                  value={value.schema}
                  spellCheck={false}
                  onChange={(e) => onChange({ ...value, schema: e.target.value })}
                />
              )}
            </Field>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="h-4 w-4 accent-[var(--accent)]"
                checked={value.strict}
                onChange={(e) => onChange({ ...value, strict: e.target.checked })}
              />
              Strict: the model must follow the schema exactly
            </label>
          </>
        )}
      </div>
    </details>
  );
}
