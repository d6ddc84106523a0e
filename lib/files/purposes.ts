// What the console says about a file's purpose, sample type, source and visibility, and what a
// file of each purpose can be used for. Values the API adds later are shown readable, not raw.
import { humanize } from "@/lib/mistral/capabilities";
import { routes } from "@/lib/routes";

/**
 * The purposes a file is uploaded for: today's FilePurpose enum (fine-tune, batch, ocr) and
 * `audio`, which FileSchema documents ("Audio/Transcription") though the enum lacks it.
 */
export const UPLOAD_PURPOSES = ["fine-tune", "batch", "ocr", "audio"] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];

export const isUploadPurpose = (value: string | null | undefined): value is UploadPurpose =>
  (UPLOAD_PURPOSES as readonly string[]).includes(value ?? "");

/**
 * The list's `purpose` filter takes only the FilePurpose enum (the sandbox refuses `audio` there,
 * as the spec says), so audio files are listed by their media types instead.
 */
export const AUDIO_MIMETYPES = [
  "audio/wav",
  "audio/x-wav",
  "audio/mpeg",
  "audio/flac",
  "audio/x-flac",
  "audio/ogg",
  "audio/mp4",
  "audio/x-m4a",
  "audio/webm",
];

/** GET /v1/files's filters for files of a purpose ("" for all). */
export function purposeFilter(purpose: string): { purpose?: string; mimetypes?: string[] } {
  if (!purpose) return {};
  return purpose === "audio" ? { mimetypes: AUDIO_MIMETYPES } : { purpose };
}

const PURPOSE_LABELS: Record<string, string> = {
  "fine-tune": "Fine-tuning",
  batch: "Batch",
  ocr: "OCR",
  audio: "Audio",
};

const SAMPLE_TYPE_LABELS: Record<string, string> = {
  pretrain: "Pretraining",
  instruct: "Instruct",
  batch_request: "Batch requests",
  batch_result: "Batch results",
  batch_error: "Batch errors",
  // Not in the spec's SampleType, but what the live API answers for OCR and audio uploads.
  ocr_input: "OCR input",
  audio_input: "Audio input",
};

const SOURCE_LABELS: Record<string, string> = {
  upload: "Upload",
  repository: "Repository",
  mistral: "Mistral",
};

const VISIBILITY_LABELS: Record<string, string> = {
  workspace: "Workspace",
  user: "Only the uploader",
};

const label = (known: Record<string, string>) => (value: string | null | undefined) =>
  value ? (known[value] ?? humanize(value)) : "—";

export const purposeLabel = label(PURPOSE_LABELS);
export const sampleTypeLabel = label(SAMPLE_TYPE_LABELS);
export const sourceLabel = label(SOURCE_LABELS);
export const visibilityLabel = label(VISIBILITY_LABELS);

/** What the uploader accepts for each purpose, as the API does (the sandbox refuses the same). */
export const PURPOSE_UPLOADS: Record<
  UploadPurpose,
  {
    accept: string;
    extensions: readonly string[];
    /** The files, as the drop zone names them ("Choose or drop …"). */
    kind: string;
    /** The file input's label. */
    inputLabel: string;
    hint: string;
  }
> = {
  "fine-tune": {
    accept: ".jsonl",
    extensions: [".jsonl"],
    kind: ".jsonl training files",
    inputLabel: "Training files (.jsonl)",
    hint: "JSON Lines, up to 512 MB each. Each file is checked in your browser before anything is uploaded.",
  },
  batch: {
    accept: ".jsonl",
    extensions: [".jsonl"],
    kind: ".jsonl batch files",
    inputLabel: "Batch files (.jsonl)",
    hint: "JSON Lines of batch requests (custom_id and body on each line), up to 512 MB each. Each file is checked in your browser first.",
  },
  ocr: {
    accept: ".pdf,.png,.jpg,.jpeg,.gif,.webp",
    extensions: [".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp"],
    kind: "PDF or image documents",
    inputLabel: "Documents for OCR (PDF, images)",
    hint: "PDF, PNG, JPEG, GIF or WebP, up to 512 MB each, read later by an OCR model.",
  },
  audio: {
    accept: ".mp3,.wav,.m4a,.flac,.ogg,.webm",
    extensions: [".mp3", ".wav", ".m4a", ".flac", ".ogg", ".webm"],
    kind: "audio files",
    inputLabel: "Audio files",
    hint: "MP3, WAV, M4A, FLAC, OGG or WebM, up to 512 MB each, for transcription.",
  },
};

export interface FileAction {
  label: string;
  href: string;
}

/**
 * What a file of this purpose can be used for, as links to the page that does it. Fine-tuning
 * data only while some model can be fine-tuned and the user may start a job.
 */
export function fileActions(
  file: { id: string; purpose?: string | null },
  { fineTuning }: { fineTuning: boolean },
): FileAction[] {
  switch (file.purpose) {
    case "fine-tune":
      return fineTuning
        ? [{ label: "Use in a fine-tuning job", href: routes.newJob({ file: file.id }) }]
        : [];
    case "batch":
      return [{ label: "Use in a batch job", href: routes.batch({ file: file.id }) }];
    case "ocr":
      return [{ label: "Open in OCR", href: routes.ocr({ file: file.id }) }];
    case "audio":
      return [{ label: "Transcribe", href: routes.audio({ file: file.id }) }];
    default:
      return [];
  }
}
