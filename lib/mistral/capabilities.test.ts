import { describe, expect, it } from "vitest";
import { BASE_MODELS, toApiModel } from "@/lib/sandbox/models";
import {
  canDo,
  capabilityFlags,
  capabilityLabel,
  defaultModelFor,
  deprecationOf,
  isRetired,
  modelsFor,
  type ModelCardLike,
  type Task,
  tasksOf,
  TASKS,
} from "./capabilities";

// The sandbox's catalogue as GET /v1/models answers it (today's cards), on a fixed day.
const catalogue = BASE_MODELS.map(toApiModel);
const NOW = Date.parse("2026-08-20T00:00:00Z");
const ids = (task: Task) => modelsFor(catalogue, task, NOW).map((m) => m.id);

const fineTuned = (over: Partial<ModelCardLike> = {}): ModelCardLike => ({
  id: "ft:mistral-small-latest:team:20260801:abc123",
  type: "fine-tuned",
  root: "mistral-small-latest",
  capabilities: { completion_chat: true, function_calling: true, fine_tuning: true },
  archived: false,
  ...over,
});

describe("which models can do each task (today's catalogue)", () => {
  it("chat: chat models, never embeddings, OCR, moderation or transcription-only models", () => {
    const chat = ids("chat");
    expect(chat).toEqual(
      expect.arrayContaining(["mistral-medium-latest", "codestral-latest", "voxtral-mini-latest"]),
    );
    for (const id of [
      "mistral-embed",
      "codestral-embed",
      "mistral-ocr-latest",
      "mistral-moderation-latest",
      "voxtral-mini-transcribe-latest",
    ]) {
      expect(chat).not.toContain(id);
    }
  });

  it("FIM: the codestral family only", () => {
    expect(ids("fim")).toEqual(["codestral-2508", "codestral-latest", "codestral"]);
  });

  it("embeddings: the *-embed families, which have no capability flag", () => {
    expect(ids("embeddings")).toEqual([
      "mistral-embed-2312",
      "mistral-embed",
      "codestral-embed-2505",
      "codestral-embed",
    ]);
  });

  it("vision, reasoning and function calling follow their flags", () => {
    expect(ids("vision")).toContain("pixtral-12b");
    expect(ids("vision")).not.toContain("codestral-latest");
    expect(ids("reasoning")).toEqual([
      "magistral-medium-2509",
      "magistral-medium-latest",
      "magistral-small-2509",
      "magistral-small-latest",
    ]);
    expect(ids("function_calling")).toContain("devstral-small-latest");
    expect(ids("function_calling")).not.toContain("voxtral-mini-latest");
  });

  it("OCR, transcription, audio input, classification and moderation", () => {
    expect(ids("ocr")).toEqual(["mistral-ocr-2505", "mistral-ocr-latest"]);
    expect(ids("transcription")).toEqual([
      "voxtral-mini-2507",
      "voxtral-mini-latest",
      "voxtral-mini-2602",
      "voxtral-mini-transcribe-latest",
    ]);
    expect(ids("audio")).toContain("voxtral-small-latest");
    expect(ids("moderation")).toEqual(["mistral-moderation-2603", "mistral-moderation-latest"]);
    expect(ids("classification")).toEqual(ids("moderation"));
  });

  it("realtime transcription and speech: nobody in the catalogue yet, one card that says so", () => {
    expect(ids("realtime_transcription")).toEqual([]);
    expect(ids("speech")).toEqual([]);
    const realtime = {
      id: "voxtral-realtime",
      capabilities: { audio_transcription_realtime: true },
    };
    expect(modelsFor([realtime], "realtime_transcription", NOW)).toEqual([realtime]);
  });

  it("fine-tuning: base models whose card allows it, never a fine-tuned model", () => {
    expect(ids("fine_tuning")).toEqual(
      expect.arrayContaining(["mistral-small-latest", "codestral-latest", "ministral-8b-latest"]),
    );
    expect(ids("fine_tuning")).not.toContain("magistral-medium-latest");
    const ft = fineTuned();
    expect(canDo(ft, "fine_tuning")).toBe(false);
    expect(canDo(ft, "chat")).toBe(true);
    // A card without `type` (an older answer) counts as fine-tuned by its ft: id.
    expect(canDo({ ...ft, type: undefined }, "fine_tuning")).toBe(false);
  });

  it("a fine-tuned classifier classifies and does not chat", () => {
    const classifier = fineTuned({
      capabilities: { completion_chat: false, classification: true },
    });
    expect(tasksOf(classifier)).toEqual(["classification"]);
  });

  it("a fine-tuned embedding model is recognised by its root", () => {
    const ft = fineTuned({ id: "ft:custom:abc", root: "codestral-embed", capabilities: {} });
    expect(canDo(ft, "embeddings")).toBe(true);
    expect(canDo({ ...ft, capabilities: { completion_chat: true } }, "chat")).toBe(false);
  });

  it("a card with no capabilities (or null) can do nothing but what its id family says", () => {
    expect(tasksOf({ id: "mystery" })).toEqual([]);
    expect(tasksOf({ id: "mystery", capabilities: null })).toEqual([]);
    expect(tasksOf({ id: "mistral-embed-2612", capabilities: null })).toEqual(["embeddings"]);
  });

  it("every task is answered for every card without throwing", () => {
    for (const card of catalogue)
      for (const t of TASKS) expect(typeof canDo(card, t)).toBe("boolean");
  });
});

describe("deprecated models", () => {
  it("carry their date and replacement", () => {
    const large = catalogue.find((m) => m.id === "mistral-large-2407")!;
    expect(deprecationOf(large, NOW)).toEqual({
      at: Date.parse("2025-03-30T12:00:00Z"),
      replacement: "mistral-large-latest",
      retired: true,
    });
    expect(
      deprecationOf(
        catalogue.find((m) => m.id === "mistral-large-latest")!,
        NOW,
      ),
    ).toBeNull();
  });

  it("are offered until their deprecation date and not after", () => {
    const card = {
      id: "mistral-moderation-2411",
      capabilities: { moderation: true },
      deprecation: "2026-06-30T12:00:00Z",
      deprecation_replacement_model: "mistral-moderation-latest",
    };
    const before = Date.parse("2026-06-30T11:59:59Z");
    const at = Date.parse("2026-06-30T12:00:00Z");
    expect(modelsFor([card], "moderation", before)).toEqual([card]);
    expect(deprecationOf(card, before)).toMatchObject({ retired: false });
    expect(isRetired(card, at)).toBe(true);
    expect(modelsFor([card], "moderation", at)).toEqual([]);
  });

  it("today's catalogue offers none of the 2024 models", () => {
    const offered = new Set(TASKS.flatMap(ids));
    for (const id of [
      "open-mistral-7b",
      "mistral-large-2407",
      "codestral-2405",
      "open-mistral-nemo",
    ]) {
      expect(offered.has(id)).toBe(false);
    }
    expect(ids("moderation")).not.toContain("mistral-moderation-2411");
  });

  it("an unreadable date does not retire a model, an empty replacement is none", () => {
    const card = { id: "x", capabilities: { completion_chat: true }, deprecation: "soon" };
    expect(deprecationOf(card, NOW)).toBeNull();
    expect(modelsFor([card], "chat", NOW)).toHaveLength(1);
    expect(
      deprecationOf({ id: "y", deprecation: "2030-01-01", deprecation_replacement_model: "" }, NOW),
    ).toMatchObject({ replacement: null, retired: false });
  });
});

describe("pickers", () => {
  it("hide archived models and repeated ids", () => {
    const ft = fineTuned();
    const list = [ft, { ...ft }, fineTuned({ id: "ft:archived", archived: true })];
    expect(modelsFor(list, "chat", NOW).map((m) => m.id)).toEqual([ft.id]);
    expect(modelsFor(undefined, "chat", NOW)).toEqual([]);
  });

  it("preselect the first -latest base model, else the first usable one", () => {
    expect(defaultModelFor(modelsFor(catalogue, "ocr", NOW))?.id).toBe("mistral-ocr-latest");
    const ft = fineTuned();
    expect(defaultModelFor([ft])).toBe(ft);
    expect(defaultModelFor([])).toBeNull();
  });
});

describe("capability labels", () => {
  it("name every flag of today's cards", () => {
    const flags = new Set(catalogue.flatMap((m) => Object.keys(m.capabilities)));
    const labels = [...flags].map(capabilityLabel);
    expect(labels).not.toContain(undefined);
    expect(capabilityLabel("completion_chat")).toBe("Chat");
    expect(capabilityLabel("completion_fim")).toBe("FIM");
    expect(capabilityLabel("audio_transcription")).toBe("Transcription");
    expect(capabilityLabel("audio_transcription_realtime")).toBe("Realtime transcription");
    expect(capabilityLabel("ocr")).toBe("OCR");
  });

  it("make a readable label of a flag the API adds tomorrow", () => {
    expect(capabilityLabel("some_new_flag")).toBe("Some new flag");
    expect(capabilityLabel("videoUnderstanding")).toBe("Video understanding");
    expect(capabilityLabel("x")).toBe("X");
    expect(capabilityLabel("__")).toBe("__");
  });

  it("list the flags a card sets, known ones in order, unknown ones after by name", () => {
    const card = {
      id: "m",
      capabilities: {
        zeta_flag: true,
        vision: true,
        completion_chat: true,
        alpha: true,
        ocr: false,
      },
    };
    expect(capabilityFlags(card)).toEqual(["completion_chat", "vision", "alpha", "zeta_flag"]);
    expect(capabilityFlags({ id: "m" })).toEqual([]);
  });
});
