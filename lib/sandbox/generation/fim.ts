// Fill-in-the-middle: code that fits between `prompt` and `suffix`. It finishes a signature the
// prompt started, writes a body at the block's indentation that names the function it belongs to,
// and closes the blocks the prompt opened and the suffix does not.
import { countTokens } from "@/lib/mistral/tokens";
import type { Rng } from "./random";

type Lang = "python" | "js" | "rust" | "go" | "c";

// A function's name and parameters: def/function/fn/func, arrow functions, and class methods.
const SIGNATURE =
  /\b(?:def|function|fn|func)\s+([A-Za-z_$][\w$]*)\s*\(([^)]*)\)?|\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?\(([^)]*)\)|^[ \t]*(?:async\s+)?(?!(?:if|for|while|switch|catch|return)\b)([A-Za-z_$][\w$]*)\s*\(([^)]*)\)[^\n{;]*\{/gm;
const KEYWORDS = new Set([
  "return",
  "print",
  "console",
  "log",
  "self",
  "this",
  "true",
  "false",
  "none",
  "null",
  "undefined",
  "let",
  "const",
  "var",
  "if",
  "else",
  "for",
  "while",
  "in",
  "of",
  "and",
  "or",
  "not",
  "new",
  "fmt",
  "println",
]);

function detectLang(code: string): Lang {
  if (/\bfn\s+\w+|\blet\s+mut\b|->\s*[A-Z&]/.test(code) && /[{}]/.test(code)) return "rust";
  if (/\bfunc\s+\w+|:=/.test(code)) return "go";
  if (/\bfunction\b|=>|\bclass\s+\w+[^\n:]*\{|\b(const|let|var)\s+\w+\s*=|\bconsole\./.test(code))
    return "js";
  if (/\bdef\s+\w*|\bimport\s+\w+|:\s*(#.*)?$|\belif\b|\bprint\(/m.test(code)) return "python";
  return /[{};]\s*$/m.test(code) ? "c" : "python";
}

const indentOf = (line: string) => line.match(/^[ \t]*/)![0];

/** The prompt's indentation step: a tab, or the smallest indentation it uses (4 spaces by default). */
function indentUnit(code: string, lang: Lang): string {
  const indents = code.split("\n").map(indentOf).filter(Boolean);
  if (indents.some((i) => i.startsWith("\t"))) return "\t";
  const min = Math.min(...indents.map((i) => i.length));
  return Number.isFinite(min)
    ? " ".repeat(min)
    : lang === "js"
      ? "  "
      : lang === "go"
        ? "\t"
        : "    ";
}

/** Parameter names of a parameter list: types, defaults and `self` dropped. */
const paramNames = (list: string) =>
  list
    .split(",")
    .map(
      (p) =>
        p
          .trim()
          .replace(/^(\.\.\.|\*+|&|mut\s+)/, "")
          .match(/^[A-Za-z_$][\w$]*/)?.[0] ?? "",
    )
    .filter((p) => p && p !== "self" && p !== "this");

/** Identifiers a bare suffix uses (e.g. `return a+b` → a, b): the parameters of an unfinished signature. */
const identifiers = (code: string) => [
  ...new Set((code.match(/[A-Za-z_]\w*/g) ?? []).filter((w) => !KEYWORDS.has(w.toLowerCase()))),
];

function nameFromOperation(code: string, rng: Rng): string {
  const ops: [RegExp, string][] = [
    [/\+/, "add"],
    [/-/, "subtract"],
    [/\*/, "multiply"],
    [/\//, "divide"],
  ];
  return (
    ops.find(([re]) => re.test(code))?.[1] ?? rng.pick(["compute", "process", "handle", "solve"])
  );
}

const COMMENT: Record<Lang, string> = { python: "#", js: "//", rust: "//", go: "//", c: "//" };
const DECLARE: Record<Lang, string> = {
  python: "result = ",
  js: "const result = ",
  rust: "let result = ",
  go: "result := ",
  c: "var result = ",
};
const NOTHING: Record<Lang, string> = {
  python: "None",
  js: "null",
  rust: "None",
  go: "nil",
  c: "null",
};

/** Statements of a body (relative indentation written as "\u0001"), chosen by the seed. */
function bodyLines(
  lang: Lang,
  name: string,
  params: string[],
  rng: Rng,
  withReturn: boolean,
): string[] {
  const c = COMMENT[lang];
  const p = params[0] ?? "value";
  const expr = params.length ? params.join(" + ") : NOTHING[lang];
  const end = lang === "python" || lang === "go" ? "" : ";";
  const variants: string[][] =
    lang === "python"
      ? [
          [`${c} [sandbox] body of ${name}`, `result = ${expr}`, "return result"],
          [
            `${c} [sandbox] simulated completion for ${name}`,
            `if ${p} is None:`,
            `\u0001raise ValueError("${p} is required")`,
            `return ${expr}`,
          ],
          [
            `${c} [sandbox] ${name}: fill-in-the-middle stand-in`,
            `result = ${expr}`,
            `print("${name}:", result)`,
            "return result",
          ],
        ]
      : [
          [
            `${c} [sandbox] body of ${name}`,
            `${DECLARE[lang]}${expr}${end}`,
            `return result${end}`,
          ],
          [
            `${c} [sandbox] simulated completion for ${name}`,
            `${DECLARE[lang]}${expr}${end}`,
            `${c} a real model would write the logic here`,
            `return result${end}`,
          ],
        ];
  const lines = rng.pick(variants);
  return withReturn ? lines : lines.filter((l) => !/^return\b/.test(l));
}

export interface FimScene {
  prompt: string;
  suffix: string;
  minTokens: number;
}

export function composeFim({ prompt, suffix, minTokens }: FimScene, rng: Rng): string {
  const lang = detectLang(prompt + "\n" + suffix);
  const unit = indentUnit(prompt + "\n" + suffix, lang);
  const lines = prompt.split("\n");
  const last = lines[lines.length - 1];
  const suffixCode = suffix.trimStart();
  const suffixReturns = /^return\b/.test(suffixCode);
  const opener = lang === "python" ? ":" : " {";

  let middle = "";
  let indent: string; // indentation of the body lines
  let name: string;
  let params: string[];

  const signatures = [...prompt.matchAll(SIGNATURE)];
  const sig = signatures[signatures.length - 1];
  const unfinished = last.match(
    /^(\s*)(?:def|function|fn|func)\b\s*([A-Za-z_$][\w$]*)?\s*(\(([^)]*))?$/,
  );

  if (unfinished) {
    // `def` / `def add` / `def add(a, ` : finish the signature from what the suffix uses.
    const used = identifiers(suffixCode.split("\n")[0] ?? "");
    name = unfinished[2] ?? nameFromOperation(suffixCode, rng);
    if (!unfinished[2]) middle += `${/\s$/.test(last) ? "" : " "}${name}`;
    if (unfinished[3] === undefined) {
      params = used;
      middle += `(${params.join(", ")})`;
    } else {
      const given = paramNames(unfinished[4]);
      const extra = used.filter((u) => !given.includes(u));
      const separator = extra.length && given.length && !/,\s*$/.test(unfinished[4]) ? ", " : "";
      params = [...given, ...extra];
      middle += `${separator}${extra.join(", ")})`;
    }
    middle += opener;
    indent = unfinished[1] + unit;
    middle += `\n${indent}`;
  } else {
    name = sig ? (sig[1] ?? sig[3] ?? sig[5]) : "snippet";
    params = sig ? paramNames(sig[2] ?? sig[4] ?? sig[6] ?? "") : [];
    const trimmed = last.trimEnd();
    if (/[:{]$/.test(trimmed)) {
      indent = indentOf(last) + unit;
      middle += `\n${indent}`;
    } else if (!last.trim()) {
      const previous = lines.slice(0, -1).findLast((l) => l.trim()) ?? "";
      indent = /[:{]\s*$/.test(previous) ? indentOf(previous) + unit : indentOf(previous);
      // The prompt may end at the start of the line or inside its indentation: write the rest.
      if (indent.startsWith(last)) middle += indent.slice(last.length);
      else indent = last;
    } else {
      // Mid-line: finish the expression the prompt started, then carry on below it.
      indent = indentOf(last);
      const opened = (last.match(/[([]/g) ?? []).length - (last.match(/[)\]]/g) ?? []).length;
      const closeInSuffix = (suffix.split("\n")[0].match(/[)\]]/g) ?? []).length;
      middle += `${/[\s([,=]$/.test(last) ? "" : " "}${params.join(", ") || NOTHING[lang]}`;
      for (let i = 0; i < opened - closeInSuffix; i++) middle += ")";
      // The suffix continues this line: the middle ends here.
      if (suffix && !suffix.startsWith("\n")) return middle;
      middle += `\n${indent}`;
    }
  }

  // When the suffix already holds the body (e.g. `return a+b`), only the signature was missing.
  if (!(unfinished && suffixCode)) {
    const body = bodyLines(lang, name, params, rng, !suffixReturns);
    // min_tokens: comment lines before the last statement until the middle is long enough.
    let tokens = countTokens(middle + body.join("\n" + indent));
    for (let step = 1; tokens < minTokens; step++) {
      const line = `${COMMENT[lang]} step ${step} of ${name}`;
      body.splice(body.length - 1, 0, line);
      tokens += countTokens(`\n${indent}${line}`);
    }
    middle += body.map((l) => l.replace("\u0001", unit)).join(`\n${indent}`);
    middle += closeBlocks(prompt, suffix, lang, indent, unit);
    if (suffix && !suffix.startsWith("\n")) middle += `\n${suffixReturns ? indent : ""}`;
  } else {
    let tokens = countTokens(middle);
    for (let step = 1; tokens < minTokens; step++) {
      const line = `${COMMENT[lang]} step ${step} of ${name}\n${indent}`;
      middle += line;
      tokens += countTokens(line);
    }
  }
  return middle;
}

/** Closing braces for the blocks the prompt opened that the suffix does not close. */
function closeBlocks(
  prompt: string,
  suffix: string,
  lang: Lang,
  indent: string,
  unit: string,
): string {
  if (lang === "python") return "";
  const net = (s: string) => (s.match(/{/g) ?? []).length - (s.match(/}/g) ?? []).length;
  const missing = net(prompt) + Math.min(0, net(suffix));
  let out = "";
  let level = indent;
  for (let i = 0; i < missing; i++) {
    level = level.slice(0, Math.max(0, level.length - unit.length));
    out += `\n${level}}`;
  }
  return out;
}
