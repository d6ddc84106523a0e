"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { createColumnHelper } from "@tanstack/react-table";
import { Controller, useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { useSession } from "@/components/auth/session";
import {
  UploadedFile,
  usePreselectedFile,
  useUploadedFileName,
} from "@/components/files/uploaded-file";
import { FileDrop } from "@/components/inference/file-drop";
import { ModelPicker } from "@/components/inference/model-picker";
import { RunError } from "@/components/playground/run-error";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { DataTable } from "@/components/ui/data-table";
import { Field, inputClass } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/states";
import { Spinner } from "@/components/ui/spinner";
import { can } from "@/lib/auth/permissions";
import {
  AUDIO_ACCEPT,
  formatTimestamp,
  isAudio,
  type Segment,
  toSrt,
} from "@/lib/audio/transcription";
import { formatDuration, formatNumber } from "@/lib/format";
import { download } from "@/lib/ui/download";
import { useTranscription } from "./use-transcription";

const schema = z
  .object({
    model: z.string().min(1, "Choose a model."),
    file: z
      .instanceof(File, { message: "Choose an audio file." })
      .nullable()
      .refine((f) => !f || isAudio(f), "Choose an audio file (WAV, MP3, FLAC, OGG, M4A or WebM)."),
    /** An uploaded audio file (the Files page's "Transcribe"), sent by its id instead. */
    fileId: z.string().nullable(),
    language: z
      .string()
      .refine((l) => !l.trim() || /^[a-zA-Z]{2}$/.test(l.trim()), "Two letters, like en or fr."),
    timestamps: z.boolean(),
    stream: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (!v.file && !v.fileId) {
      ctx.addIssue({ code: "custom", path: ["file"], message: "Choose an audio file." });
    }
  });
type Input = z.input<typeof schema>;
type Values = z.output<typeof schema>;

const col = createColumnHelper<Segment & { n: number }>();
const columns = [
  col.accessor("start", {
    header: "Start",
    size: 80,
    meta: { rowHeader: true, align: "right" },
    cell: (c) => formatTimestamp(c.getValue()),
  }),
  col.accessor("end", {
    header: "End",
    size: 80,
    meta: { align: "right" },
    cell: (c) => formatTimestamp(c.getValue()),
  }),
  col.accessor("text", { header: "Text", size: 600, enableSorting: false }),
];

/**
 * Transcribe an audio file (POST /v1/audio/transcriptions, multipart) with a transcription model:
 * streamed as today's transcription events or whole, with segment timestamps, usage in audio
 * seconds, and the transcript to copy or download (text, subtitles, JSON).
 */
export function AudioPage() {
  const { user } = useSession();
  const [preselected, clearPreselected] = usePreselectedFile();
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      model: "",
      file: null,
      fileId: preselected,
      language: "",
      timestamps: true,
      stream: true,
    },
  });
  const { transcript, error, running, run, stop } = useTranscription();
  const submit = form.handleSubmit(({ file, fileId, ...v }) =>
    run({ ...v, file: fileId ? { fileId } : file! }),
  );
  const allowed = can(user.role, "playground.use");
  // `model` is empty until the models have arrived: nothing to send before one is chosen.
  const [file, fileId, timestamps, model] = useWatch({
    control: form.control,
    name: ["file", "fileId", "timestamps", "model"],
  });
  const uploadedName = useUploadedFileName(fileId);
  const fileName = uploadedName ?? file?.name ?? "audio";
  const base = fileName.replace(/\.[^.]+$/, "") || "audio";
  const segments = (transcript?.segments ?? []).map((s, n) => ({ ...s, n }));

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(18rem,22rem)_1fr]">
      <form onSubmit={submit} aria-label="Transcription" className="flex flex-col gap-4" noValidate>
        {fileId ? (
          <UploadedFile
            id={fileId}
            label="Audio file"
            disabled={running}
            onClear={() => {
              form.setValue("fileId", null);
              clearPreselected();
            }}
          />
        ) : (
          <Controller
            control={form.control}
            name="file"
            render={({ field, fieldState }) => (
              <FileDrop
                label="Audio file"
                hint="WAV, MP3, FLAC, OGG, M4A or WebM."
                accept={AUDIO_ACCEPT}
                file={field.value}
                onFile={field.onChange}
                error={fieldState.error?.message}
                disabled={running}
              />
            )}
          />
        )}
        <Controller
          control={form.control}
          name="model"
          render={({ field, fieldState }) => (
            <ModelPicker
              task="transcription"
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
            />
          )}
        />
        <Field
          label="Language (optional)"
          description="Two letters. Saying it can improve accuracy; empty lets the model tell."
          error={form.formState.errors.language?.message}
        >
          {(ids) => (
            <input
              {...ids}
              {...form.register("language")}
              className={inputClass}
              placeholder="en"
              maxLength={2}
              autoComplete="off"
            />
          )}
        </Field>
        <fieldset className="flex flex-col gap-2 text-sm">
          <legend className="mb-1 text-sm font-medium">Options</legend>
          <label className="flex items-center gap-2">
            <input type="checkbox" {...form.register("timestamps")} />
            Timestamps for each segment
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" {...form.register("stream")} />
            Stream the transcript as it is made
          </label>
        </fieldset>
        <div className="flex gap-2">
          <Button
            type="submit"
            variant="primary"
            disabled={running || !allowed || !model}
            className="flex-1"
          >
            {running ? "Transcribing…" : "Transcribe"}
          </Button>
          {running && <Button onClick={stop}>Stop</Button>}
        </div>
        {!allowed && (
          <p className="text-sm text-muted">Transcribing needs the member role. Ask an admin.</p>
        )}
        {error && (
          <RunError error={error} keptPartial={!!transcript?.text} onRetry={() => void submit()} />
        )}
      </form>

      <section aria-labelledby="transcript-title" className="flex min-w-0 flex-col gap-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div>
            <h2 id="transcript-title" className="text-base font-semibold">
              Transcript
            </h2>
            {transcript?.done && (
              <p className="text-sm text-muted" data-testid="audio-usage">
                {transcript.usage?.prompt_audio_seconds != null
                  ? `${formatDuration(transcript.usage.prompt_audio_seconds)} of audio`
                  : "Audio length not reported"}
                {transcript.language && ` · language ${transcript.language}`}
                {transcript.usage && ` · ${formatNumber(transcript.usage.total_tokens)} tokens`}
                {transcript.model && ` · ${transcript.model}`}
              </p>
            )}
          </div>
          {transcript?.done && (
            <div className="flex flex-wrap gap-2">
              <CopyButton text={transcript.text} label="Copy transcript" />
              <Button
                size="sm"
                onClick={() => download({ fileName: `${base}.txt`, text: transcript.text + "\n" })}
              >
                Download text
              </Button>
              {transcript.segments.length > 0 && (
                <Button
                  size="sm"
                  onClick={() =>
                    download({
                      fileName: `${base}.srt`,
                      text: toSrt(transcript.segments),
                      type: "application/x-subrip",
                    })
                  }
                >
                  Download subtitles
                </Button>
              )}
              <Button
                size="sm"
                onClick={() =>
                  download({
                    fileName: `${base}.transcript.json`,
                    text: JSON.stringify(transcript, null, 2),
                    type: "application/json",
                  })
                }
              >
                Download JSON
              </Button>
            </div>
          )}
        </div>
        {transcript && (transcript.text || running) ? (
          <div
            aria-live="polite"
            aria-busy={running}
            className="rounded-lg border border-border bg-surface p-4 text-sm leading-relaxed whitespace-pre-wrap"
            data-testid="transcript-text"
          >
            {transcript.text}
            {running && (
              <span className="ml-1 inline-flex align-middle">
                <Spinner label="Transcribing" />
              </span>
            )}
          </div>
        ) : (
          !error && (
            <EmptyState title="No transcript yet">
              Choose an audio file and transcribe it: the text appears here
              {timestamps ? ", with a timestamp for each segment" : ""}.
            </EmptyState>
          )
        )}
        {segments.length > 0 && (
          <DataTable
            label="Segments"
            data={segments}
            columns={columns}
            getRowId={(s) => String(s.n)}
            density="compact"
          />
        )}
      </section>
    </div>
  );
}
