import { describe, expect, it } from "vitest";
import { tryActionFor } from "./try-action";

const NOW = Date.parse("2026-12-06T00:00:00Z");
const card = (id: string, capabilities: Record<string, boolean>, more: object = {}) => ({
  id,
  capabilities,
  ...more,
});

describe("tryActionFor", () => {
  it("sends a chat model to the chat playground with it chosen", () => {
    expect(tryActionFor(card("mistral-small-latest", { completion_chat: true }), NOW)).toEqual({
      place: "playground",
      href: "/playground?model=mistral-small-latest",
    });
  });

  it("sends a model that chats and completes code to the chat playground", () => {
    const codestral = card("codestral-latest", { completion_chat: true, completion_fim: true });
    expect(tryActionFor(codestral, NOW)?.place).toBe("playground");
  });

  it("sends a FIM-only model to FIM and an embedding model to Embeddings, chosen there", () => {
    expect(tryActionFor(card("codestral-2", { completion_fim: true }), NOW)).toEqual({
      place: "FIM",
      href: "/playground/fim?model=codestral-2",
    });
    expect(tryActionFor(card("codestral-embed", { completion_chat: false }), NOW)).toEqual({
      place: "Embeddings",
      href: "/playground/embeddings?model=codestral-embed",
    });
  });

  it("sends an OCR model to OCR and a transcription model to Audio", () => {
    expect(tryActionFor(card("mistral-ocr-latest", { ocr: true }), NOW)?.href).toBe("/ocr");
    const voxtral = card("voxtral-mini-transcribe-latest", { audio_transcription: true });
    expect(tryActionFor(voxtral, NOW)?.href).toBe("/audio");
  });

  it("offers nothing for a classifier, a moderation model or a model with no capability", () => {
    expect(tryActionFor(card("ft:classifier", { classification: true }), NOW)).toBeNull();
    const moderation = card("mistral-moderation-latest", {
      moderation: true,
      classification: true,
    });
    expect(tryActionFor(moderation, NOW)).toBeNull();
    expect(tryActionFor(card("x", {}), NOW)).toBeNull();
  });

  it("offers nothing once the deprecation date has passed, or for an archived model", () => {
    const deprecated = (deprecation: string) =>
      card("open-mixtral-8x7b", { completion_chat: true }, { deprecation });
    expect(tryActionFor(deprecated("2025-03-30T12:00:00Z"), NOW)).toBeNull();
    expect(tryActionFor(deprecated("2027-03-30T12:00:00Z"), NOW)?.place).toBe("playground");
    const archived = card("ft:a", { completion_chat: true }, { archived: true });
    expect(tryActionFor(archived, NOW)).toBeNull();
  });
});
