// Transcriptions as the Audio page runs them: the multipart request, a transcript built up from
// streamed events (or taken whole from a plain answer), and the files it downloads.
import type { TranscriptionEvent } from "@/lib/api/stream";
import type { components } from "@/lib/mistral/schema.gen";

type S = components["schemas"];
export type TranscriptionResponse = S["TranscriptionResponse"];
export type Segment = Pick<S["TranscriptionSegmentChunk"], "text" | "start" | "end"> & {
  speaker_id?: string | null;
};

/** What the drop zone takes (react-dropzone's accept); the API reads the common audio formats. */
export const AUDIO_ACCEPT: Record<string, string[]> = {
  "audio/wav": [".wav"],
  "audio/mpeg": [".mp3"],
  "audio/flac": [".flac"],
  "audio/ogg": [".ogg"],
  "audio/mp4": [".m4a"],
  "audio/webm": [".webm"],
};

export function isAudio(file: Pick<File, "name" | "type">): boolean {
  const ext = /\.[^.]+$/.exec(file.name.toLowerCase())?.[0] ?? "";
  return file.type.startsWith("audio/") || Object.values(AUDIO_ACCEPT).flat().includes(ext);
}

export interface TranscriptionOptions {
  model: string;
  /** A local file, or one uploaded before (sent as `file_id`). */
  file: File | { fileId: string };
  /** Two letters ("en"), or empty to let the model tell. */
  language?: string;
  timestamps: boolean;
}

/** The multipart body of POST /v1/audio/transcriptions (AudioTranscriptionRequest). */
export function transcriptionForm(o: TranscriptionOptions): FormData {
  const form = new FormData();
  form.set("model", o.model);
  if ("fileId" in o.file) form.set("file_id", o.file.fileId);
  else form.set("file", o.file, o.file.name);
  if (o.language?.trim()) form.set("language", o.language.trim().toLowerCase());
  if (o.timestamps) form.append("timestamp_granularities", "segment");
  return form;
}

export interface Transcript {
  text: string;
  language: string | null;
  segments: Segment[];
  model: string | null;
  usage: S["UsageInfo"] | null;
  /** The whole answer arrived (transcription.done, or a plain answer). */
  done: boolean;
}

export const EMPTY_TRANSCRIPT: Transcript = {
  text: "",
  language: null,
  segments: [],
  model: null,
  usage: null,
  done: false,
};

/** The transcript after one more streamed event; events of unknown types change nothing. */
export function applyEvent(t: Transcript, e: TranscriptionEvent): Transcript {
  switch (e.type) {
    case "transcription.language":
      return { ...t, language: e.audio_language };
    case "transcription.text.delta":
      return { ...t, text: t.text + e.text };
    case "transcription.segment":
      return {
        ...t,
        segments: [
          ...t.segments,
          { text: e.text, start: e.start, end: e.end, speaker_id: e.speaker_id },
        ],
      };
    case "transcription.done":
      // The final answer is the reference: it replaces what the deltas built.
      return {
        ...fromResponse(e as unknown as TranscriptionResponse),
        segments: doneSegments(t, e),
      };
    default:
      return t;
  }
}

function doneSegments(t: Transcript, e: Record<string, unknown>): Segment[] {
  return Array.isArray(e.segments) && e.segments.length ? (e.segments as Segment[]) : t.segments;
}

export function fromResponse(r: TranscriptionResponse): Transcript {
  return {
    text: r.text ?? "",
    language: r.language ?? null,
    segments: r.segments ?? [],
    model: r.model ?? null,
    usage: r.usage ?? null,
    done: true,
  };
}

/** 65.25 → "1:05.2": minutes, seconds and tenths, as a player shows them. */
export function formatTimestamp(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "—";
  const tenths = Math.floor(seconds * 10 + 1e-6);
  const m = Math.floor(tenths / 600);
  const s = Math.floor((tenths % 600) / 10);
  return `${m}:${String(s).padStart(2, "0")}.${tenths % 10}`;
}

/** The transcript as SubRip subtitles (one cue per segment), for players and editors. */
export function toSrt(segments: readonly Segment[]): string {
  const stamp = (x: number) => {
    const ms = Math.round(x * 1000);
    const h = Math.floor(ms / 3_600_000);
    const m = Math.floor((ms % 3_600_000) / 60_000);
    const s = Math.floor((ms % 60_000) / 1000);
    const pad = (n: number, w = 2) => String(n).padStart(w, "0");
    return `${pad(h)}:${pad(m)}:${pad(s)},${pad(ms % 1000, 3)}`;
  };
  return segments
    .map((s, i) => `${i + 1}\n${stamp(s.start)} --> ${stamp(s.end)}\n${s.text.trim()}\n`)
    .join("\n");
}
