"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { ModelPicker } from "@/components/inference/model-picker";
import { RunError } from "@/components/playground/run-error";
import { Button } from "@/components/ui/button";
import { Field, inputClass, textareaClass } from "@/components/ui/field";
import { Progress } from "@/components/ui/progress";
import { toApiError } from "@/lib/api/errors";
import { useCreateBatchJob } from "@/lib/api/hooks/use-batch";
import {
  BATCH_ENDPOINTS,
  type BatchEndpoint,
  conversationPrompts,
  endpointChoice,
  promptLines,
  typedBatchFile,
} from "@/lib/batch/batch";
import { uploadFile } from "@/lib/files/upload";
import type { Conversation } from "@/lib/playground/types";
import { usePreselectedFile, useUploadedFileName } from "@/components/files/uploaded-file";
import { ConversationPicker } from "./conversation-picker";
import { UploadedBatchFile } from "./uploaded-batch-file";
import { formatNumber } from "@/lib/format";
import { routes } from "@/lib/routes";

/** The spec's limit on requests in one batch built here (inline requests share it). */
const MAX_LINES = 10_000;

const schema = z
  .object({
    source: z.enum(["prompts", "file", "uploaded"]),
    endpoint: z.enum(BATCH_ENDPOINTS.map((e) => e.endpoint) as [BatchEndpoint, ...BatchEndpoint[]]),
    model: z.string().min(1, "Choose a model."),
    prompts: z.string(),
    /** Chat only: the system prompt every typed request starts with. */
    system: z.string(),
    file: z.instanceof(File).nullable(),
    /** A batch file uploaded before (the Files page's "Use in a batch job"). */
    fileId: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.source === "prompts") {
      const n = promptLines(v.prompts).length;
      if (n === 0)
        ctx.addIssue({ code: "custom", path: ["prompts"], message: "Type at least one line." });
      if (n > MAX_LINES) {
        ctx.addIssue({
          code: "custom",
          path: ["prompts"],
          message: `At most ${formatNumber(MAX_LINES)} lines in one batch (${formatNumber(n)} typed).`,
        });
      }
    } else if (v.source === "uploaded") {
      if (!v.fileId) {
        ctx.addIssue({
          code: "custom",
          path: ["fileId"],
          message: "Choose an uploaded batch file.",
        });
      }
    } else if (!v.file) {
      ctx.addIssue({ code: "custom", path: ["file"], message: "Choose a .jsonl batch file." });
    } else if (!/\.jsonl$/i.test(v.file.name)) {
      ctx.addIssue({ code: "custom", path: ["file"], message: "A batch file is a .jsonl file." });
    }
  });
type Values = z.infer<typeof schema>;

type Step =
  { kind: "idle" } | { kind: "uploading"; loaded: number; total: number } | { kind: "creating" };

/**
 * A new batch job: typed lines (one request each, made into a JSONL file here; for chat, taken
 * from a saved conversation too), a batch file to upload, or one uploaded before, on one
 * endpoint with one model. A new file is uploaded with purpose `batch`, then the job is created
 * and its page opened.
 */
export function NewBatchForm() {
  const router = useRouter();
  const create = useCreateBatchJob();
  const [preselected] = usePreselectedFile();
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [error, setError] = useState<unknown>(null);
  const [picking, setPicking] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      source: preselected ? "uploaded" : "prompts",
      endpoint: "/v1/chat/completions",
      model: "",
      prompts: "",
      system: "",
      file: null,
      fileId: preselected ?? "",
    },
  });
  const { register, control, handleSubmit, formState, setValue, getValues } = form;
  const [source, endpoint, prompts, model] = useWatch({
    control,
    name: ["source", "endpoint", "prompts", "model"],
  });
  const isChat = endpoint === "/v1/chat/completions";
  const uploadedName = useUploadedFileName(source === "uploaded" ? getValues("fileId") : null);

  /** A conversation's user messages go below the lines typed so far; its system prompt is used. */
  const takeConversation = (c: Conversation) => {
    const { system, lines } = conversationPrompts(c);
    const typed = getValues("prompts").trimEnd();
    setValue("prompts", [typed, ...lines].filter(Boolean).join("\n"), { shouldValidate: true });
    if (system) setValue("system", system);
    setAdded(
      `${lines.length} prompt${lines.length === 1 ? "" : "s"} added from “${c.title}”${system ? ", with its system prompt" : ""}.`,
    );
    setPicking(false);
  };
  const choice = endpointChoice(endpoint) ?? BATCH_ENDPOINTS[0];
  const lines = source === "prompts" ? promptLines(prompts).length : 0;
  const busy = step.kind !== "idle";

  const submit = handleSubmit(async (v) => {
    setError(null);
    try {
      let input: { id: string; name: string };
      if (v.source === "uploaded") {
        input = { id: v.fileId, name: uploadedName ?? v.fileId };
      } else {
        const file =
          v.source === "prompts"
            ? typedBatchFile(v.endpoint, promptLines(v.prompts), {
                system: v.endpoint === "/v1/chat/completions" ? v.system : undefined,
              })
            : v.file!;
        setStep({ kind: "uploading", loaded: 0, total: file.size });
        const uploaded = await uploadFile(file, {
          purpose: "batch",
          onProgress: (loaded, total) => setStep({ kind: "uploading", loaded, total }),
        });
        input = { id: uploaded.id, name: file.name };
      }
      setStep({ kind: "creating" });
      const job = await create.mutateAsync({
        input_files: [input.id],
        endpoint: v.endpoint,
        model: v.model,
        metadata: { source: v.source === "prompts" ? "typed prompts" : input.name },
      });
      router.push(routes.batchJob(job.id));
    } catch (e) {
      setError(e);
      setStep({ kind: "idle" });
    }
  });

  return (
    <form
      onSubmit={submit}
      aria-label="New batch job"
      className="rounded-lg border border-border bg-surface p-4"
      noValidate
    >
      <h2 className="mb-3 text-base font-semibold">New batch job</h2>
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Endpoint">
          {(ids) => (
            <select
              {...ids}
              {...register("endpoint", {
                // Another endpoint wants other models: let the picker choose again.
                onChange: () => setValue("model", ""),
              })}
              className={inputClass}
              disabled={busy}
            >
              {BATCH_ENDPOINTS.map((e) => (
                <option key={e.endpoint} value={e.endpoint}>
                  {e.label} ({e.endpoint})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Controller
          control={control}
          name="model"
          render={({ field, fieldState }) => (
            <ModelPicker
              task={choice.task}
              value={field.value}
              onChange={field.onChange}
              name={field.name}
              error={fieldState.error?.message}
            />
          )}
        />
      </div>

      <fieldset className="mt-4" disabled={busy}>
        <legend className="text-sm font-medium">Requests</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" value="prompts" {...register("source")} /> Type them, one per line
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" value="file" {...register("source")} /> Upload a batch file (.jsonl)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" value="uploaded" {...register("source")} /> A batch file uploaded
            before
          </label>
        </div>
      </fieldset>

      <div className="mt-3">
        {source === "prompts" ? (
          <div className="flex flex-col gap-3">
            {isChat && (
              <Field
                label="System prompt (optional)"
                description="Starts every request of the batch."
              >
                {(ids) => (
                  <textarea
                    {...ids}
                    {...register("system")}
                    rows={2}
                    className={textareaClass}
                    disabled={busy}
                  />
                )}
              </Field>
            )}
            <Field
              label={`Prompts: one line is ${choice.line}`}
              description={`${formatNumber(lines)} request${lines === 1 ? "" : "s"}. Each line becomes one ${choice.endpoint} request; a line in double quotes is read as a JSON string (\\n for a new line).`}
              error={formState.errors.prompts?.message}
            >
              {(ids) => (
                <textarea
                  {...ids}
                  {...register("prompts", { onChange: () => setAdded(null) })}
                  rows={6}
                  className={`${textareaClass} font-mono`}
                  placeholder={
                    choice.endpoint === "/v1/ocr"
                      ? "https://example.com/invoice.pdf"
                      : "What is the capital of France?"
                  }
                  disabled={busy}
                />
              )}
            </Field>
            {isChat && (
              <div className="flex flex-wrap items-center gap-3">
                <Button size="sm" onClick={() => setPicking(true)} disabled={busy}>
                  Take prompts from a conversation
                </Button>
                {added && (
                  <p className="text-sm text-muted" role="status">
                    {added}
                  </p>
                )}
              </div>
            )}
          </div>
        ) : source === "uploaded" ? (
          <Controller
            control={control}
            name="fileId"
            render={({ field, fieldState }) => (
              <UploadedBatchFile
                value={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message}
                disabled={busy}
              />
            )}
          />
        ) : (
          <Controller
            control={control}
            name="file"
            render={({ field, fieldState }) => (
              <Field
                label="Batch file"
                description='One request a line: {"custom_id": "1", "body": { … }}.'
                error={fieldState.error?.message}
              >
                {(ids) => (
                  <input
                    {...ids}
                    type="file"
                    accept=".jsonl,application/jsonl"
                    className="text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-surface-2 file:px-3 file:py-1.5 file:text-sm file:text-text"
                    onChange={(e) => field.onChange(e.target.files?.[0] ?? null)}
                    disabled={busy}
                  />
                )}
              </Field>
            )}
          />
        )}
      </div>

      {step.kind === "uploading" && (
        <div className="mt-3 flex items-center gap-3 text-sm text-muted">
          <Progress
            label="Batch file upload"
            value={step.loaded}
            max={step.total}
            className="max-w-xs"
          />
          Uploading the batch file…
        </div>
      )}
      {step.kind === "creating" && (
        <p className="mt-3 text-sm text-muted" role="status">
          Creating the job…
        </p>
      )}
      {error != null && (
        <div className="mt-3">
          <RunError error={toApiError(error)} onRetry={() => void submit()} />
        </div>
      )}
      <ConversationPicker
        open={picking}
        onClose={() => setPicking(false)}
        onPick={takeConversation}
      />
      <div className="mt-4 flex justify-end">
        {/* Nothing to send until the models have arrived and one is chosen. */}
        <Button type="submit" variant="primary" disabled={busy || !model}>
          {busy ? "Creating…" : "Create batch job"}
        </Button>
      </div>
    </form>
  );
}
