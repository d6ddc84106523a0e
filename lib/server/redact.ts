import "server-only";
import type { Body } from "./body";

/** What a redacted secret is replaced with, in text and in bodies. */
export const REDACTED = "[redacted]";

/**
 * Below this a base64 fragment is too short to be told apart from ordinary text; a real key is
 * 32 characters and its fragments 40 or more.
 */
const MIN_NEEDLE = 8;

export interface Redactor {
  /** `text` with every form of the secret replaced. */
  text(text: string): string;
  /**
   * Does the same to a body, also when a form of the secret is split across chunks: a tap on the
   * body (body.ts), not a stream layer of its own.
   */
  body(body: Body): Body;
}

/**
 * The forms of `secret` an upstream could echo: itself, and its base64 and base64url encodings at
 * each of the three byte alignments it can have inside a larger base64 blob (a Basic auth header,
 * a data URL, a JSON field holding base64). At each alignment only the characters that depend on
 * the secret's bytes alone are kept, so the fragment matches whatever surrounds it.
 */
export function secretForms(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  const forms = new Set<string>([secret]);
  for (let offset = 0; offset < 3; offset++) {
    // Zero bytes around the secret stand for whatever precedes and follows it in the blob.
    const blob = Buffer.concat([Buffer.alloc(offset), bytes, Buffer.alloc(2)]).toString("base64");
    const start = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    const fragment = blob.slice(start, end);
    forms.add(fragment);
    forms.add(fragment.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return [...forms].filter((form) => form.length >= MIN_NEEDLE);
}

/** A redactor for the secret, or null when there is none (the sandbox has no key: do nothing). */
export function createRedactor(secret: string | null | undefined): Redactor | null {
  if (!secret) return null;
  const forms = secretForms(secret);
  const needles = forms.map((form) => Buffer.from(form, "utf8"));
  const mark = Buffer.from(REDACTED, "utf8");
  const hold = Math.max(...needles.map((n) => n.length)) - 1;
  // Bytes that occur in some needle: a partial needle at the end of a chunk is made of these only.
  const inNeedle = new Uint8Array(256);
  for (const needle of needles) for (const byte of needle) inNeedle[byte] = 1;

  const replaceAll = (input: Buffer): Buffer => {
    let buf = input;
    for (const needle of needles) {
      let at = buf.indexOf(needle);
      if (at < 0) continue;
      const parts: Buffer[] = [];
      let from = 0;
      while (at >= 0) {
        parts.push(buf.subarray(from, at), mark);
        from = at + needle.length;
        at = buf.indexOf(needle, from);
      }
      parts.push(buf.subarray(from));
      buf = Buffer.concat(parts);
    }
    return buf;
  };

  return {
    text(text) {
      let out = text;
      for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
      return out;
    },
    body(body) {
      const masked = chunks();
      return body.tap({ chunk: masked.push, flush: masked.end });
    },
  };

  /** Masks chunk after chunk, holding back a trailing run that could begin a secret. */
  function chunks() {
    let carry: Buffer | null = null;
    return {
      push(chunk: Uint8Array): Buffer | null {
        const view = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        const buf = replaceAll(carry ? Buffer.concat([carry, view]) : view);
        // Hold back only a trailing run that could begin a needle (at most longest - 1 bytes).
        // An SSE event ends in "\n\n", which no needle contains: it goes out whole, at once.
        let keep = 0;
        while (keep < hold && keep < buf.length && inNeedle[buf[buf.length - 1 - keep]]) keep++;
        // A copy: the producer owns the chunk's memory.
        carry = keep ? Buffer.from(buf.subarray(buf.length - keep)) : null;
        return keep < buf.length ? buf.subarray(0, buf.length - keep) : null;
      },
      /** What was held back at the end: already searched, it holds no whole needle. */
      end(): Buffer | null {
        const out = carry;
        carry = null;
        return out;
      },
    };
  }
}

/**
 * Bodies the gateway redacts: JSON (also NDJSON and `+json`), text/* (SSE included) and bodies
 * without a content type. Declared binary bodies (octet-stream, images) pass untouched: replacing
 * bytes in them would corrupt them, and no operation the console serves answers with one.
 */
export function isTextual(contentType: string | null): boolean {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  return type === "" || type.startsWith("text/") || type.includes("json");
}
