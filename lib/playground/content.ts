// Content chunks as the playground shows and sends them: an answer's text with its references
// as numbered citations, and a user message's text with its images.
import type { AnswerChunk, ContentChunk, ImageURLChunk } from "./accumulate";
import { appendChunk } from "./accumulate";

export interface Citation {
  /** The number shown in the text, from 1, in order of first mention. */
  n: number;
  /** What identifies the source: a reference id, or a tool_reference's url (else its title). */
  id: string | number;
  /** A tool_reference's title, when the chunk has one. */
  title?: string;
  /** A tool_reference's link, kept only when it is http(s): it is shown as a link. */
  url?: string;
}

/** The url when it is an http(s) one (a link the page may open), else undefined. */
export function webUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The answer's text with each reference (a `reference` chunk's ids, or a conversation's
 * `tool_reference` source) shown as a numbered citation ("[1]") where it came, and the list of
 * what the numbers refer to; a source cited twice keeps its number. Thinking and images are not
 * part of the text.
 */
export function citedText(
  chunks: AnswerChunk[],
  mark: (n: number) => string = (n) => `[${n}]`,
): { text: string; citations: Citation[] } {
  const citations: Citation[] = [];
  let text = "";
  const cite = (id: string | number, more: Omit<Citation, "n" | "id"> = {}) => {
    let cited = citations.find((x) => x.id === id);
    if (!cited) {
      cited = { n: citations.length + 1, id, ...more };
      citations.push(cited);
    }
    return mark(cited.n);
  };
  for (const c of chunks) {
    if (c.type === "text") text += c.text;
    else if (c.type === "reference") text += c.reference_ids.map((id) => cite(id)).join("");
    else if (c.type === "tool_reference") {
      const url = webUrl(c.url);
      text += cite(url ?? c.title, { title: c.title || undefined, url });
    }
  }
  return { text, citations };
}

/** The chunks of an answer that started with an assistant prefix: the API's text may omit it. */
export function withPrefix(prefix: string, chunks: AnswerChunk[]): AnswerChunk[] {
  const text = chunks.map((c) => (c.type === "text" ? c.text : "")).join("");
  if (text.startsWith(prefix)) return chunks;
  const at = chunks.findIndex((c) => c.type !== "thinking");
  const before = at < 0 ? chunks : chunks.slice(0, at);
  const after = at < 0 ? [] : chunks.slice(at);
  const start: AnswerChunk = { type: "text", text: prefix };
  return [...before, start, ...after].reduce<AnswerChunk[]>(appendChunk, []);
}

/** A user message's content: its text alone, or text and images as chunks. */
export function userContent(text: string, images: string[] | undefined): string | ContentChunk[] {
  if (!images?.length) return text;
  const pictures = images.map((url): ImageURLChunk => ({ type: "image_url", image_url: { url } }));
  return [...(text ? [{ type: "text" as const, text }] : []), ...pictures];
}
