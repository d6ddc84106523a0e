import { describe, expect, it } from "vitest";
import {
  fileActions,
  purposeFilter,
  purposeLabel,
  sampleTypeLabel,
  sourceLabel,
  UPLOAD_PURPOSES,
  visibilityLabel,
} from "./purposes";

describe("file labels", () => {
  it("names today's purposes, sample types, sources and visibilities", () => {
    expect(UPLOAD_PURPOSES.map(purposeLabel)).toEqual(["Fine-tuning", "Batch", "OCR", "Audio"]);
    expect(
      ["pretrain", "instruct", "batch_request", "batch_result", "batch_error"].map(sampleTypeLabel),
    ).toEqual(["Pretraining", "Instruct", "Batch requests", "Batch results", "Batch errors"]);
    expect(["ocr_input", "audio_input"].map(sampleTypeLabel)).toEqual(["OCR input", "Audio input"]);
    expect(["upload", "repository", "mistral"].map(sourceLabel)).toEqual([
      "Upload",
      "Repository",
      "Mistral",
    ]);
    expect(["workspace", "user"].map(visibilityLabel)).toEqual(["Workspace", "Only the uploader"]);
  });

  it("makes a value the API adds later readable, and shows a dash for none", () => {
    expect(purposeLabel("image-gen")).toBe("Image gen");
    expect(sampleTypeLabel("video_input")).toBe("Video input");
    expect(sourceLabel("sharedDrive")).toBe("Shared drive");
    expect(visibilityLabel("organization")).toBe("Organization");
    expect(sampleTypeLabel(null)).toBe("—");
    expect(sourceLabel(undefined)).toBe("—");
  });
});

describe("fileActions", () => {
  const id = "f-1";
  const on = { fineTuning: true };

  it("offers each purpose its own page, with the file chosen there", () => {
    expect(fileActions({ id, purpose: "fine-tune" }, on)).toEqual([
      { label: "Use in a fine-tuning job", href: "/fine-tuning/new?file=f-1" },
    ]);
    expect(fileActions({ id, purpose: "batch" }, on)).toEqual([
      { label: "Use in a batch job", href: "/batch?file=f-1" },
    ]);
    expect(fileActions({ id, purpose: "ocr" }, on)).toEqual([
      { label: "Open in OCR", href: "/ocr?file=f-1" },
    ]);
    expect(fileActions({ id, purpose: "audio" }, on)).toEqual([
      { label: "Transcribe", href: "/audio?file=f-1" },
    ]);
  });

  it("never offers fine-tuning for batch, OCR or audio files", () => {
    for (const purpose of ["batch", "ocr", "audio"]) {
      expect(fileActions({ id, purpose }, on).map((a) => a.label)).not.toContain(
        "Use in a fine-tuning job",
      );
    }
  });

  it("offers fine-tuning data nothing while fine-tuning is not served", () => {
    expect(fileActions({ id, purpose: "fine-tune" }, { fineTuning: false })).toEqual([]);
  });

  it("offers nothing for a purpose it does not know", () => {
    expect(fileActions({ id, purpose: "image-gen" }, on)).toEqual([]);
    expect(fileActions({ id }, on)).toEqual([]);
  });
});

describe("purposeFilter", () => {
  it("filters by the spec's purposes, and audio (not in its enum) by media type", () => {
    expect(purposeFilter("")).toEqual({});
    expect(purposeFilter("batch")).toEqual({ purpose: "batch" });
    expect(purposeFilter("ocr")).toEqual({ purpose: "ocr" });
    expect(purposeFilter("audio").purpose).toBeUndefined();
    expect(purposeFilter("audio").mimetypes).toEqual(
      expect.arrayContaining(["audio/wav", "audio/mpeg"]),
    );
  });
});
