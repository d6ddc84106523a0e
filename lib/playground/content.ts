// Content chunks as the playground shows and sends them: an answer's text with its references
// as numbered citations, and a user message's text with its images.
import type { ContentChunk, ImageURLChunk } from "./accumulate";
import { appendChunk } from "./accumulate";

export interface Citation {
  /** The number shown in the text, from 1, in order of first mention. */
  n: number;
  id: string | number;
}

/**
 * The answer's text with each reference chunk shown as numbered citations ("[1]") where it
 * came, and the list of what the numbers refer to. Thinking and images are not part of the text.
 */
export function citedText(
  chunks: ContentChunk[],
  mark: (n: number) => string = (n) => `[${n}]`,
): { text: string; citations: Citation[] } {
  const citations: Citation[] = [];
  let text = "";
  for (const c of chunks) {
    if (c.type === "text") text += c.text;
    else if (c.type === "reference") {
      const marks = c.reference_ids.map((id) => {
        let cited = citations.find((x) => x.id === id);
        if (!cited) {
          cited = { n: citations.length + 1, id };
          citations.push(cited);
        }
        return mark(cited.n);
      });
      text += marks.join("");
    }
  }
  return { text, citations };
}

/** The chunks of an answer that started with an assistant prefix: the API's text may omit it. */
export function withPrefix(prefix: string, chunks: ContentChunk[]): ContentChunk[] {
  const text = chunks.map((c) => (c.type === "text" ? c.text : "")).join("");
  if (text.startsWith(prefix)) return chunks;
  const at = chunks.findIndex((c) => c.type !== "thinking");
  const before = at < 0 ? chunks : chunks.slice(0, at);
  const after = at < 0 ? [] : chunks.slice(at);
  const start: ContentChunk = { type: "text", text: prefix };
  return [...before, start, ...after].reduce<ContentChunk[]>(appendChunk, []);
}

/** A user message's content: its text alone, or text and images as chunks. */
export function userContent(text: string, images: string[] | undefined): string | ContentChunk[] {
  if (!images?.length) return text;
  const pictures = images.map((url): ImageURLChunk => ({ type: "image_url", image_url: { url } }));
  return [...(text ? [{ type: "text" as const, text }] : []), ...pictures];
}
