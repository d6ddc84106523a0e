// Streaming JSONL linter: splits bytes into lines itself (so a bad byte or an over-long line is
// found without decoding or buffering the whole file), then checks each line with ./rules.
import { checkSample, type SampleInfo, type Severity } from "./rules";
import { formatBytes } from "../format";

export type { Severity };

export interface LintIssue {
  /** 1-based line number; 0 for a problem with the file as a whole. */
  line: number;
  severity: Severity;
  code: string;
  message: string;
}

export interface LintStats {
  lines: number;
  /** Lines that parsed as a JSON object. */
  samples: number;
  bytes: number;
  sampleType: "instruct" | "pretrain" | "classifier" | "mixed" | null;
  messagesPerSample: { min: number; max: number; mean: number } | null;
  roles: Record<string, number>;
  estimatedTokens: number;
}

export interface LintReport {
  issues: LintIssue[];
  errorCount: number;
  warningCount: number;
  /** True when more issues were found than `maxIssues` kept; the counts are still exact. */
  truncated: boolean;
  stats: LintStats;
  /** The first samples without errors, as parsed. */
  preview: unknown[];
  /** The line number (1-based, as the issues name them) of each sample in `preview`. */
  previewLines: number[];
}

export interface LintOptions {
  /** Issues kept in `issues` (default 1000); counting goes on past it. */
  maxIssues?: number;
  /** Longest accepted line in bytes (default 8 MiB); longer lines are skipped, not buffered. */
  maxLineBytes?: number;
  onProgress?(bytesRead: number): void;
}

export const DEFAULT_MAX_ISSUES = 1000;
export const DEFAULT_MAX_LINE_BYTES = 8 * 1024 * 1024;
const PREVIEW_SAMPLES = 3;
const LF = 0x0a;
const CR = 0x0d;

export class JsonlLinter {
  private readonly maxIssues: number;
  private readonly maxLineBytes: number;
  private readonly onProgress?: (bytesRead: number) => void;
  // fatal: report bad bytes instead of replacing them; ignoreBOM: keep it so we can warn about it.
  private readonly decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

  /** Copies of the parts of the current line that arrived in earlier chunks. */
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  /** The current line outgrew maxLineBytes: drop its bytes until the next newline. */
  private skipping = false;
  private ended = false;

  private line = 0;
  private bytes = 0;
  private dataLines = 0;
  private samples = 0;
  private crlfReported = false;
  private firstKind: { kind: NonNullable<SampleInfo["kind"]>; line: number } | null = null;
  private kinds = new Set<NonNullable<SampleInfo["kind"]>>();
  private messageCounts = { n: 0, min: Infinity, max: 0, sum: 0 };
  private roles: Record<string, number> = {};
  private tokens = 0;
  private preview: unknown[] = [];
  private previewLines: number[] = [];

  private issues: LintIssue[] = [];
  private errorCount = 0;
  private warningCount = 0;

  constructor(options: LintOptions = {}) {
    this.maxIssues = options.maxIssues ?? DEFAULT_MAX_ISSUES;
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.onProgress = options.onProgress;
  }

  push(chunk: Uint8Array): void {
    if (this.ended) throw new Error("JsonlLinter.push() called after end()");
    this.bytes += chunk.length;
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(LF, start);
      if (nl === -1) {
        this.hold(chunk.subarray(start));
        break;
      }
      this.endLine(chunk.subarray(start, nl));
      start = nl + 1;
    }
    this.onProgress?.(this.bytes);
  }

  end(): LintReport {
    if (!this.ended) {
      this.ended = true;
      // A last line without a trailing newline is still a line.
      if (this.pendingBytes > 0 || this.skipping) this.endLine(new Uint8Array(0));
      if (this.bytes === 0) this.fileIssue("empty_file", "the file is empty");
      else if (this.dataLines === 0) this.fileIssue("empty_file", "the file has only blank lines");
    }
    return this.report();
  }

  private hold(segment: Uint8Array): void {
    if (segment.length === 0 || this.skipping) return;
    if (this.pendingBytes + segment.length > this.maxLineBytes) {
      this.startSkipping();
      return;
    }
    // Copy: the caller may reuse its chunk buffer once push() returns.
    this.pending.push(segment.slice());
    this.pendingBytes += segment.length;
  }

  private startSkipping(): void {
    this.skipping = true;
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Completes the current line with its final segment (the bytes before the newline). */
  private endLine(segment: Uint8Array): void {
    this.line++;
    if (!this.skipping && this.pendingBytes + segment.length > this.maxLineBytes)
      this.startSkipping();
    if (this.skipping) {
      this.skipping = false;
      this.dataLines++;
      this.lineIssue(
        "error",
        "line_too_long",
        `is longer than ${formatBytes(this.maxLineBytes)}; it was skipped (split the sample or shorten it)`,
      );
      return;
    }
    let bytes = segment;
    if (this.pending.length > 0) {
      bytes = new Uint8Array(this.pendingBytes + segment.length);
      let at = 0;
      for (const part of this.pending) {
        bytes.set(part, at);
        at += part.length;
      }
      bytes.set(segment, at);
      this.pending = [];
      this.pendingBytes = 0;
    }
    this.checkLine(bytes);
  }

  private checkLine(raw: Uint8Array): void {
    let bytes = raw;
    if (this.line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      this.lineIssue(
        "warning",
        "bom",
        "starts with a byte-order mark (BOM); save the file as UTF-8 without BOM",
      );
      bytes = bytes.subarray(3);
    }
    if (bytes.length > 0 && bytes[bytes.length - 1] === CR) {
      // One warning is enough: an editor converts all line endings at once.
      if (!this.crlfReported) {
        this.crlfReported = true;
        this.lineIssue(
          "warning",
          "crlf",
          'ends with CRLF ("\\r\\n"); save the file with LF line endings (later CRLF lines are not listed)',
        );
      }
      bytes = bytes.subarray(0, bytes.length - 1);
    }

    let text: string;
    try {
      text = this.decoder.decode(bytes);
    } catch {
      this.dataLines++;
      const at = invalidUtf8Offset(bytes);
      this.lineIssue(
        "error",
        "invalid_utf8",
        `is not valid UTF-8 (bad byte at column ${at + 1}); save the file as UTF-8`,
      );
      return;
    }
    if (text.trim() === "") {
      this.lineIssue("warning", "blank_line", "is blank; remove it");
      return;
    }
    this.dataLines++;

    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      // A BOM inside the file usually comes from concatenating files saved with one.
      const reason =
        text.charCodeAt(0) === 0xfeff
          ? "it starts with a byte-order mark; remove it"
          : e instanceof Error
            ? e.message
            : String(e);
      this.lineIssue(
        "error",
        "invalid_json",
        `is not valid JSON (${reason}); each line must be one JSON object`,
      );
      return;
    }

    const errorsBefore = this.errorCount;
    const info = checkSample(value, (severity, code, message) =>
      this.lineIssue(severity, code, message, ": "),
    );
    if (value !== null && typeof value === "object" && !Array.isArray(value)) this.samples++;
    this.record(info);
    if (this.errorCount === errorsBefore && this.preview.length < PREVIEW_SAMPLES) {
      this.preview.push(value);
      this.previewLines.push(this.line);
    }
  }

  private record(info: SampleInfo): void {
    if (info.kind !== null) {
      this.kinds.add(info.kind);
      if (this.firstKind === null) {
        this.firstKind = { kind: info.kind, line: this.line };
      } else if (this.firstKind.kind !== info.kind) {
        this.lineIssue(
          "error",
          "mixed_sample_types",
          `is a ${info.kind} sample but line ${this.firstKind.line} is ${this.firstKind.kind}; a file holds one kind of sample`,
        );
      }
    }
    if (info.messages !== null) {
      const m = this.messageCounts;
      m.n++;
      m.sum += info.messages;
      m.min = Math.min(m.min, info.messages);
      m.max = Math.max(m.max, info.messages);
    }
    for (const role of info.roles) this.roles[role] = (this.roles[role] ?? 0) + 1;
    this.tokens += info.tokens;
  }

  /** `sep` joins "line N" to the message: " " for "line 3 is blank", ": " for rule findings. */
  private lineIssue(severity: Severity, code: string, message: string, sep = " "): void {
    this.add({ line: this.line, severity, code, message: `line ${this.line}${sep}${message}` });
  }

  private fileIssue(code: string, message: string): void {
    this.add({ line: 0, severity: "error", code, message });
  }

  private add(issue: LintIssue): void {
    if (issue.severity === "error") this.errorCount++;
    else this.warningCount++;
    if (this.issues.length < this.maxIssues) this.issues.push(issue);
  }

  private report(): LintReport {
    const m = this.messageCounts;
    const kinds = [...this.kinds];
    return {
      issues: [...this.issues],
      errorCount: this.errorCount,
      warningCount: this.warningCount,
      truncated: this.errorCount + this.warningCount > this.issues.length,
      stats: {
        lines: this.line,
        samples: this.samples,
        bytes: this.bytes,
        sampleType: kinds.length === 0 ? null : kinds.length > 1 ? "mixed" : kinds[0],
        messagesPerSample: m.n === 0 ? null : { min: m.min, max: m.max, mean: m.sum / m.n },
        roles: { ...this.roles },
        estimatedTokens: this.tokens,
      },
      preview: [...this.preview],
      previewLines: [...this.previewLines],
    };
  }
}

/** Byte offset of the first byte that breaks UTF-8 (only called once decoding has failed). */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

export async function lintStream(
  source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  options?: LintOptions,
): Promise<LintReport> {
  const linter = new JsonlLinter(options);
  // Safari's ReadableStream is not async-iterable, so read it through its reader.
  if ("getReader" in source) {
    const reader = source.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        linter.push(value);
      }
    } finally {
      reader.releaseLock();
    }
  } else {
    for await (const chunk of source) linter.push(chunk);
  }
  return linter.end();
}

export function lintText(text: string, options?: LintOptions): LintReport {
  const linter = new JsonlLinter(options);
  linter.push(new TextEncoder().encode(text));
  return linter.end();
}
