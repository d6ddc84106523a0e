"use client";

import { useRef, useState } from "react";
import { type ApiError, readError, toApiError } from "@/lib/api/errors";
import { streamTranscription } from "@/lib/api/stream";
import {
  applyEvent,
  EMPTY_TRANSCRIPT,
  fromResponse,
  type Transcript,
  type TranscriptionOptions,
  type TranscriptionResponse,
  transcriptionForm,
} from "@/lib/audio/transcription";

/**
 * Runs one transcription at a time, streamed (the transcript grows as events arrive) or whole.
 * Stop aborts the request; what arrived is kept, and a cut-off stream says so.
 */
export function useTranscription() {
  const [transcript, setTranscript] = useState<Transcript | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [running, setRunning] = useState(false);
  const controller = useRef<AbortController | null>(null);

  async function run(options: TranscriptionOptions & { stream: boolean }) {
    controller.current?.abort();
    const ctrl = new AbortController();
    controller.current = ctrl;
    setError(null);
    setTranscript(EMPTY_TRANSCRIPT);
    setRunning(true);
    const form = transcriptionForm(options);
    try {
      if (options.stream) {
        for await (const event of streamTranscription(form, { signal: ctrl.signal })) {
          setTranscript((t) => applyEvent(t ?? EMPTY_TRANSCRIPT, event));
        }
      } else {
        // Multipart: sent as the browser encodes the form, which openapi-fetch would re-serialize.
        const response = await fetch("/v1/audio/transcriptions", {
          method: "POST",
          body: form,
          signal: ctrl.signal,
        });
        if (!response.ok) throw await readError(response);
        setTranscript(fromResponse((await response.json()) as TranscriptionResponse));
      }
    } catch (e) {
      setError(toApiError(e));
    } finally {
      if (controller.current === ctrl) {
        controller.current = null;
        setRunning(false);
      }
    }
  }

  return { transcript, error, running, run, stop: () => controller.current?.abort() };
}
