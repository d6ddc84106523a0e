// Audio transcriptions (/v1/audio/transcriptions, multipart): the duration is read from the file
// (music-metadata), the text is deterministic filler made from a hash of the audio (the sandbox
// recognises no speech and says so), about two words per second, with segments spanning the
// audio when timestamp_granularities asks. Plain JSON, or SSE in today's transcription events.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { countTokens } from "@/lib/mistral/tokens";
import { readCapped } from "@/lib/read-capped";
import type { SandboxContext } from "./context";
import { filePath, getFileRow } from "./files";
import { SSE_HEADERS } from "./generation/completion";
import { json, mistralError, validationError } from "./http";

const WORDS = [
  "sandbox",
  "audio",
  "simulated",
  "speech",
  "placeholder",
  "words",
  "stand",
  "in",
  "for",
  "what",
  "was",
  "said",
];
const WORDS_PER_SECOND = 2;
const SEGMENT_SECONDS = 5;

interface Segment {
  type: "transcription_segment";
  text: string;
  start: number;
  end: number;
}

const missing = (field: string) =>
  validationError([{ loc: ["body", field], msg: "Field required", type: "missing" }]);

const round = (x: number) => Number(x.toFixed(3));

/** Deterministic text for `seconds` of audio, split into segments of SEGMENT_SECONDS. */
function transcript(hash: Buffer, seconds: number): { text: string; segments: Segment[] } {
  const segments: Segment[] = [];
  let n = 0;
  for (let start = 0; start < seconds || segments.length === 0; start += SEGMENT_SECONDS) {
    const end = Math.min(seconds, start + SEGMENT_SECONDS);
    const count = Math.max(1, Math.round((end - start) * WORDS_PER_SECOND));
    const words: string[] = [];
    for (let i = 0; i < count; i++, n++) words.push(WORDS[hash[n % hash.length] % WORDS.length]);
    if (segments.length === 0) words.unshift("[sandbox]");
    segments.push({
      type: "transcription_segment",
      text: words.join(" ") + ".",
      start: round(start),
      end: round(end),
    });
    if (end >= seconds) break;
  }
  return { text: segments.map((s) => s.text).join(" "), segments };
}

export async function transcribe(ctx: SandboxContext, request: Request): Promise<Response> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!request.body || !/^multipart\/form-data/i.test(contentType)) return missing("model");
  const { bytes, complete } = await readCapped(request.body, ctx.maxUploadBytes);
  if (!complete) {
    return mistralError(413, "File too large.", "invalid_request_error", "file_too_large");
  }
  let form: FormData;
  try {
    form = await new Response(bytes as BodyInit, {
      headers: { "content-type": contentType },
    }).formData();
  } catch {
    return validationError([{ loc: ["body"], msg: "Invalid multipart body", type: "value_error" }]);
  }
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : null;
  };
  const model = field("model");
  if (!model) return missing("model");
  if (!/voxtral|transcribe/.test(model)) {
    return mistralError(
      400,
      `Model '${model}' does not transcribe audio: use a transcription model such as voxtral-mini-latest.`,
      "invalid_request_error",
      "invalid_model",
    );
  }
  const language = field("language");
  if (language !== null && !/^\w{2}$/.test(language)) {
    return validationError([
      {
        loc: ["body", "language"],
        msg: "String should match pattern '^\\w{2}$'",
        type: "string_pattern_mismatch",
      },
    ]);
  }
  const granularities = [
    ...form.getAll("timestamp_granularities"),
    ...form.getAll("timestamp_granularities[]"),
  ].map(String);
  const bad = granularities.find((g) => g !== "segment" && g !== "word");
  if (bad) {
    return validationError([
      {
        loc: ["body", "timestamp_granularities"],
        msg: "Input should be 'segment' or 'word'",
        type: "enum",
      },
    ]);
  }
  const stream = field("stream") === "true";

  let audio: Buffer;
  const file = form.get("file");
  const fileId = field("file_id");
  if (file instanceof Blob) audio = Buffer.from(await file.arrayBuffer());
  else if (fileId) {
    if (!getFileRow(ctx, fileId)) {
      return mistralError(
        404,
        `File '${fileId}' not found.`,
        "invalid_request_error",
        "file_not_found",
      );
    }
    audio = readFileSync(filePath(ctx, fileId));
  } else if (field("file_url")) {
    return mistralError(
      400,
      "The sandbox transcribes uploaded audio (file or file_id) only; it does not fetch file_url.",
    );
  } else return missing("file");

  const { parseBuffer } = await import("music-metadata");
  let seconds: number | undefined;
  try {
    seconds = (await parseBuffer(audio, undefined, { duration: true })).format.duration;
  } catch {
    seconds = undefined;
  }
  if (!seconds || !Number.isFinite(seconds)) {
    return mistralError(400, "The file could not be read as audio.");
  }
  const { text, segments } = transcript(createHash("sha256").update(audio).digest(), seconds);
  const completion = countTokens(text);
  const audioSeconds = Math.ceil(seconds);
  const result = {
    model,
    text,
    language: language ?? "en",
    // Word timestamps are not simulated; segments come with either granularity.
    segments: granularities.length ? segments : [],
    usage: {
      prompt_tokens: audioSeconds, // the real API counts audio as prompt tokens too
      completion_tokens: completion,
      total_tokens: audioSeconds + completion,
      prompt_audio_seconds: audioSeconds,
    },
  };
  if (!stream) return json(result);
  const events: { type: string; [k: string]: unknown }[] = [
    { type: "transcription.language", audio_language: result.language },
  ];
  segments.forEach((s, i) => {
    events.push({ type: "transcription.text.delta", text: (i ? " " : "") + s.text });
    if (granularities.length) {
      events.push({ type: "transcription.segment", text: s.text, start: s.start, end: s.end });
    }
  });
  events.push({ type: "transcription.done", ...result });
  const body = events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join("");
  return new Response(body, { headers: SSE_HEADERS });
}
