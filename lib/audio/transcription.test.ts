import { describe, expect, it } from "vitest";
import type { TranscriptionEvent } from "@/lib/api/stream";
import {
  applyEvent,
  EMPTY_TRANSCRIPT,
  formatTimestamp,
  fromResponse,
  isAudio,
  toSrt,
  transcriptionForm,
} from "./transcription";

describe("the transcription request", () => {
  it("is multipart with the model, the file, the language and segment timestamps", () => {
    const file = new File([new Uint8Array([1, 2])], "talk.wav", { type: "audio/wav" });
    const form = transcriptionForm({
      model: "voxtral-mini-latest",
      file,
      language: " EN ",
      timestamps: true,
    });
    expect(form.get("model")).toBe("voxtral-mini-latest");
    expect((form.get("file") as File).name).toBe("talk.wav");
    expect(form.get("language")).toBe("en");
    expect(form.getAll("timestamp_granularities")).toEqual(["segment"]);
    const plain = transcriptionForm({ model: "m", file, language: "", timestamps: false });
    expect(plain.has("language")).toBe(false);
    expect(plain.has("timestamp_granularities")).toBe(false);
  });

  it("names an uploaded file by its id (file_id) instead of sending it again", () => {
    const form = transcriptionForm({ model: "m", file: { fileId: "f-1" }, timestamps: false });
    expect(form.get("file_id")).toBe("f-1");
    expect(form.has("file")).toBe(false);
  });

  it("takes audio files by type or extension", () => {
    expect(isAudio({ name: "a.MP3", type: "" })).toBe(true);
    expect(isAudio({ name: "voice", type: "audio/ogg" })).toBe(true);
    expect(isAudio({ name: "notes.pdf", type: "application/pdf" })).toBe(false);
  });
});

describe("a streamed transcript", () => {
  const events: TranscriptionEvent[] = [
    { type: "transcription.language", audio_language: "fr" },
    { type: "transcription.text.delta", text: "Bonjour" },
    { type: "transcription.segment", text: "Bonjour", start: 0, end: 5 },
    { type: "transcription.text.delta", text: " à tous." },
    { type: "transcription.segment", text: "à tous.", start: 5, end: 7.5 },
  ];

  it("grows with each delta and segment", () => {
    const t = events.reduce(applyEvent, EMPTY_TRANSCRIPT);
    expect(t).toMatchObject({ text: "Bonjour à tous.", language: "fr", done: false });
    expect(t.segments.map((s) => [s.start, s.end])).toEqual([
      [0, 5],
      [5, 7.5],
    ]);
  });

  it("ends with the final answer, its usage included; unknown events change nothing", () => {
    const before = events.reduce(applyEvent, EMPTY_TRANSCRIPT);
    expect(applyEvent(before, { type: "transcription.something_new" } as never)).toBe(before);
    const done = applyEvent(before, {
      type: "transcription.done",
      model: "voxtral-mini-latest",
      text: "Bonjour à tous.",
      language: "fr",
      usage: { prompt_tokens: 8, completion_tokens: 4, total_tokens: 12, prompt_audio_seconds: 8 },
    });
    expect(done).toMatchObject({
      done: true,
      model: "voxtral-mini-latest",
      usage: { prompt_audio_seconds: 8 },
    });
    // The done event without segments keeps the streamed ones.
    expect(done.segments).toHaveLength(2);
  });

  it("a plain answer is the whole transcript at once", () => {
    expect(
      fromResponse({
        model: "m",
        text: "Hi.",
        language: null,
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    ).toMatchObject({ text: "Hi.", segments: [], done: true });
  });
});

describe("timestamps and subtitles", () => {
  it("show minutes, seconds and tenths", () => {
    expect(formatTimestamp(0)).toBe("0:00.0");
    expect(formatTimestamp(65.25)).toBe("1:05.2");
    expect(formatTimestamp(5)).toBe("0:05.0");
    expect(formatTimestamp(-1)).toBe("—");
  });

  it("make SubRip cues of the segments", () => {
    expect(
      toSrt([
        { text: " Hello. ", start: 0, end: 5 },
        { text: "World.", start: 5, end: 3661.5 },
      ]),
    ).toBe(
      "1\n00:00:00,000 --> 00:00:05,000\nHello.\n\n2\n00:00:05,000 --> 01:01:01,500\nWorld.\n",
    );
  });
});
