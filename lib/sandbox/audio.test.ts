// Audio transcriptions: the duration of a WAV made here, deterministic text, segments when asked,
// usage in audio seconds, streamed events in today's format (spec + SDK 2.x zod).
import {
  TranscriptionResponse$inboundSchema,
  TranscriptionStreamEvents$inboundSchema,
} from "@mistralai/mistralai/models/components";
import { afterEach, describe, expect, it } from "vitest";
import { storeSandboxFile } from "./files";
import { openStore } from "./store";
import { openSandbox, type TestSandbox } from "./test/helpers";
import { expectTodayResponse } from "./test/today";
import { schemaValidator } from "@/lib/mistral/spec";
import { wav } from "./test/media";

let t: TestSandbox | undefined;
afterEach(() => t?.close());

function form(fields: Record<string, string | string[]>, audio?: Uint8Array): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    for (const one of Array.isArray(v) ? v : [v]) fd.append(k, one);
  }
  if (audio) fd.append("file", new Blob([audio as BlobPart], { type: "audio/wav" }), "clip.wav");
  return fd;
}

interface Transcription {
  text: string;
  language: string;
  segments: { start: number; end: number; text: string }[];
  usage: { prompt_audio_seconds: number; total_tokens: number };
}

async function transcribe(t: TestSandbox, fd: FormData) {
  const res = await t.call("POST", "/v1/audio/transcriptions", fd);
  const body = (await res.json()) as Transcription;
  expectTodayResponse("POST", "/v1/audio/transcriptions", res.status, body);
  return { status: res.status, body };
}

describe("audio transcriptions", () => {
  it("reads the duration, answers deterministic text with segments and audio usage", async () => {
    t = openSandbox();
    const audio = wav(12.5);
    const res = await transcribe(
      t,
      form({ model: "voxtral-mini-latest", timestamp_granularities: "segment" }, audio),
    );
    expect(res.status).toBe(200);
    TranscriptionResponse$inboundSchema.parse(res.body);
    expect(res.body.text).toMatch(/^\[sandbox\]/);
    expect(res.body.language).toBe("en");
    expect(res.body.usage.prompt_audio_seconds).toBe(13);
    expect(res.body.segments.map((s) => [s.start, s.end])).toEqual([
      [0, 5],
      [5, 10],
      [10, 12.5],
    ]);
    expect(res.body.segments.map((s) => s.text).join(" ")).toBe(res.body.text);

    const again = await transcribe(
      t,
      form({ model: "voxtral-mini-latest", language: "fr" }, audio),
    );
    expect(again.body.text).toBe(res.body.text);
    expect(again.body.language).toBe("fr");
    expect(again.body.segments).toEqual([]);
  });

  it("streams today's transcription events", async () => {
    t = openSandbox();
    const res = await t.call(
      "POST",
      "/v1/audio/transcriptions",
      form(
        { model: "voxtral-mini-latest", stream: "true", timestamp_granularities: "segment" },
        wav(7),
      ),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const events = (await res.text())
      .trim()
      .split("\n\n")
      .map((block) => {
        const [eventLine, dataLine] = block.split("\n");
        return { event: eventLine.slice(7), data: JSON.parse(dataLine.slice(6)) };
      });
    const validate = schemaValidator("TranscriptionStreamEvents");
    for (const e of events) {
      expect(validate(e), JSON.stringify(validate.errors)).toBe(true);
      TranscriptionStreamEvents$inboundSchema.parse({
        event: e.event,
        data: JSON.stringify(e.data),
      });
    }
    expect(events.map((e) => e.event)).toEqual([
      "transcription.language",
      "transcription.text.delta",
      "transcription.segment",
      "transcription.text.delta",
      "transcription.segment",
      "transcription.done",
    ]);
    const done = events.at(-1)!.data as Transcription;
    const deltas = events.filter((e) => e.event === "transcription.text.delta");
    expect(deltas.map((e) => e.data.text).join("")).toBe(done.text);
    expect(done.usage.prompt_audio_seconds).toBe(7);
  });

  it("reads a sandbox file by file_id", async () => {
    t = openSandbox();
    const store = openStore(t.dir);
    // The upload route of this branch takes training data only: store the audio directly.
    const fileId = storeSandboxFile(
      { store, now: Date.now, speed: 1, maxUploadBytes: 1 },
      { filename: "clip.wav", content: wav(4), sampleType: "instruct" },
    );
    store.close();
    const res = await transcribe(t, form({ model: "voxtral-mini-latest", file_id: fileId }));
    expect(res.status).toBe(200);
    expect(res.body.usage.prompt_audio_seconds).toBe(4);
  });

  it("refuses a missing file, a non-audio file and a non-transcription model", async () => {
    t = openSandbox();
    expect((await transcribe(t, form({ model: "voxtral-mini-latest" }))).status).toBe(422);
    const text = new TextEncoder().encode("not audio at all");
    expect((await transcribe(t, form({ model: "voxtral-mini-latest" }, text))).status).toBe(400);
    expect((await transcribe(t, form({ model: "mistral-small-latest" }, wav(1)))).status).toBe(400);
  });
});
