// The sandbox's "model": a reply assembled from templates around the request's own words, so it
// visibly answers what was asked, is plainly simulated, and has some Markdown for the renderer.
import { countTokens } from "@/lib/mistral/tokens";
import type { Rng } from "./random";
import { capitalize, keywords, quote, snakeCase } from "./words";

export interface ChatScene {
  model: string;
  lastUser: string;
  system: string;
  /** Tools' answers when the conversation ends with tool messages. */
  toolResults: { name: string; content: string }[];
  /** Set when the answer continues an assistant prefix. */
  prefix: string | null;
  json: boolean;
  /** Set for agents: the agent speaking. */
  agent?: { name: string; description: string };
  /** Answer with a code block whatever was asked (the code agent). */
  forceCode?: boolean;
  /** The reply grows to at least this many tokens (min_tokens, or a long text up to max_tokens). */
  minTokens: number;
  maxTokens: number | null;
}

/** How many tokens a reply asked to be "long" runs to when max_tokens does not say. */
const LONG_DEFAULT = 600;
/** An upper bound on any reply, so a huge max_tokens does not build megabytes of text. */
const LONG_CAP = 32_768;

const asks = {
  // Language names only choose the code fence: "tips for learning Rust" is not a request for code.
  code: /\b(code|function|script|program|implement\w*|snippet|regex|algorithm|sql query|class)\b|```/i,
  list: /\b(list|steps|ideas|tips|reasons|examples|options|bullet\w*|pros|cons|checklist)\b/i,
  short:
    /\b(one (short )?sentence|one word|briefly|in short|short answer|concise\w*|tl;?dr|yes or no)\b/i,
  long: /\b(long|detailed|in detail|essay|story|article|comprehensive|thorough\w*|elaborate|at length|\d{3,} words)\b/i,
};

export function composeChat(scene: ChatScene, rng: Rng): string {
  const kws = keywords(scene.lastUser);
  const topic = kws.length ? kws : ["your message"];
  const q = quote(scene.lastUser) || "your message";
  const kw = () => rng.pick(topic);
  const say = () => sentence(rng, topic);
  const target = Math.min(
    LONG_CAP,
    Math.max(
      scene.minTokens,
      asks.long.test(scene.lastUser) ? (scene.maxTokens ?? LONG_DEFAULT) : 0,
    ),
  );

  if (scene.json) return composeJson(scene, rng, topic, q, target);

  const parts: string[] = [];
  if (scene.prefix != null) {
    parts.push(
      `${/\s$/.test(scene.prefix) || !scene.prefix ? "" : " "}(sandbox continuation about ${kw()})`,
    );
  } else if (scene.agent) {
    parts.push(
      `[sandbox] ${scene.agent.name} here (${scene.agent.description}), answering "${q}".`,
    );
  } else {
    parts.push(rng.pick(OPENINGS)(q, kw(), scene.model));
  }

  if (scene.toolResults.length) {
    parts.push(...toolResultReply(scene.toolResults, q, rng));
  } else if (asks.short.test(scene.lastUser)) {
    parts.push(say());
  } else {
    if (scene.system) {
      parts.push(
        `Following your instructions ("${quote(scene.system, 8)}"), this reply stays in that role.`,
      );
    }
    if (scene.forceCode || asks.code.test(scene.lastUser)) {
      parts.push(
        `Here is a sketch for **${kw()}**:`,
        codeBlock(scene.lastUser, topic, q, rng),
        say(),
      );
    } else if (asks.list.test(scene.lastUser)) {
      const n = 3 + rng.int(3);
      parts.push(`Here are ${n} points about **${topic[0]}**:`);
      parts.push(
        Array.from(
          { length: n },
          (_, i) => `${i + 1}. **${capitalize(topic[i % topic.length])}**: ${say()}`,
        ).join("\n"),
      );
    } else {
      const n = 2 + rng.int(3);
      parts.push(Array.from({ length: n }, () => say()).join(" "));
    }
  }
  const closing = asks.short.test(scene.lastUser) ? "" : `\n\n${rng.pick(CLOSINGS)}`;

  // Long answers and min_tokens: more paragraphs on the same topic until the target is reached.
  let text = parts.join("\n\n");
  let tokens = countTokens(text) + countTokens(closing);
  while (tokens < target) {
    const paragraph = `\n\n${Array.from({ length: 3 }, say).join(" ")}`;
    text += paragraph;
    tokens += countTokens(paragraph);
  }
  return text + closing;
}

function composeJson(
  scene: ChatScene,
  rng: Rng,
  topic: string[],
  q: string,
  target: number,
): string {
  const answer: Record<string, unknown> = {
    sandbox: true,
    model: scene.model,
    question: q,
    keywords: topic,
    answer: sentence(rng, topic),
  };
  if (scene.toolResults.length)
    answer.tool_results = scene.toolResults.map((r) => ({ name: r.name, content: r.content }));
  const details: string[] = [];
  // Counted as it grows (one more quoted line per sentence) rather than re-serialised each time.
  let tokens = countTokens(JSON.stringify(answer, null, 2)) + countTokens(`,\n  "details": []`);
  while (tokens < target) {
    const detail = sentence(rng, topic);
    details.push(detail);
    tokens += countTokens(`,\n    ${JSON.stringify(detail)}`);
  }
  return JSON.stringify(details.length ? { ...answer, details } : answer, null, 2);
}

function toolResultReply(results: ChatScene["toolResults"], q: string, rng: Rng): string[] {
  const out = results.map((r) => {
    const lines = resultLines(r.content);
    return `The \`${r.name}\` tool returned:\n${lines}`;
  });
  out.push(rng.pick(TOOL_FOLLOW_UPS)(q));
  return out;
}

/** A tool's result as Markdown: the fields of a JSON object as a list, anything else quoted. */
function resultLines(content: string): string {
  try {
    const value: unknown = JSON.parse(content);
    if (value && typeof value === "object" && !Array.isArray(value)) {
      return Object.entries(value)
        .slice(0, 12)
        .map(([k, v]) => `- **${k}**: ${typeof v === "string" ? v : JSON.stringify(v)}`)
        .join("\n");
    }
  } catch {
    // Not JSON: quote it as text.
  }
  const text = content.length > 400 ? `${content.slice(0, 400)}…` : content;
  return `> ${text.replace(/\n/g, "\n> ")}`;
}

type Opening = (q: string, kw: string, model: string) => string;
// Every opening quotes the request, so each reply visibly answers what was asked.
const OPENINGS: Opening[] = [
  (q, _kw, model) => `[sandbox] A simulated answer from ${model} to "${q}".`,
  (q) => `[sandbox] You asked: "${q}". This reply comes from the sandbox, not from a real model.`,
  (q, kw) =>
    `[sandbox] A canned but request-aware reply about **${kw}** ("${q}"); no real model was called.`,
  (q) => `[sandbox] Thinking about "${q}"… as far as a sandbox can.`,
  (q, kw) => `[sandbox] On ${kw}, since you asked "${q}":`,
];

const ABOUT_ONE: ((a: string) => string)[] = [
  (a) => `When it comes to **${a}**, the key idea is to start simple and check each step.`,
  (a) => `A real model would explain ${a} in depth; the sandbox only keeps the shape of an answer.`,
  (a) => `One way to look at ${a} is through a small, concrete example.`,
  (a) => `If ${a} matters to your use case, try the same prompt against the live API.`,
  (a) => `Note that ${a} can mean different things depending on the context.`,
  (a) => `Most questions about ${a} come down to trade-offs rather than a single right answer.`,
  (a) => `Here the sandbox would cite sources on ${a}, if it had any.`,
  (a) => `Think of ${a} as a tool: useful when it fits the problem, noise when it does not.`,
];
const ABOUT_TWO: ((a: string, b: string) => string)[] = [
  (a, b) => `${capitalize(a)} is often discussed together with ${b}.`,
  (a, b) => `Consider how ${a} relates to what you already know about ${b}.`,
  (a, b) => `In practice, ${a} and ${b} are easier to reason about one at a time.`,
  (a, b) => `A good next step is to write down what you expect from ${a} before looking at ${b}.`,
];

/** A sentence about one or two distinct words of the topic. */
function sentence(rng: Rng, topic: string[]): string {
  const a = rng.pick(topic);
  const others = topic.filter((t) => t !== a);
  if (!others.length || rng.chance(0.6)) return rng.pick(ABOUT_ONE)(a);
  return rng.pick(ABOUT_TWO)(a, rng.pick(others));
}

const CLOSINGS = [
  "_Generated by the Mistral Console sandbox: connect a Mistral API key for real answers._",
  "_(Sandbox reply: set `random_seed` to get the same text again.)_",
  "_This is sample text from the sandbox backend._",
  "_The sandbox made this up from your words; no model was called._",
];

const TOOL_FOLLOW_UPS: ((q: string) => string)[] = [
  (q) => `Based on that result, here is the answer to "${q}" (sandbox summary of the tool output).`,
  (q) => `Using the tool's data above to answer "${q}"; a real model would phrase it better.`,
  (q) => `That is what the tool reported for "${q}". (sandbox)`,
];

const LANGUAGES: { pattern: RegExp; fence: string; code: (fn: string, q: string) => string }[] = [
  {
    pattern: /\btypescript\b|\bts\b/i,
    fence: "typescript",
    code: (fn, q) =>
      `// ${q} (sandbox example)\nexport function ${camel(fn)}(items: number[]): number[] {\n  return items.map((item) => item * 2);\n}\n\nconsole.log(${camel(fn)}([1, 2, 3]));`,
  },
  {
    pattern: /\bjavascript\b|\bjs\b|\bnode\b/i,
    fence: "javascript",
    code: (fn, q) =>
      `// ${q} (sandbox example)\nfunction ${camel(fn)}(items) {\n  return items.map((item) => item * 2);\n}\n\nconsole.log(${camel(fn)}([1, 2, 3]));`,
  },
  {
    pattern: /\brust\b/i,
    fence: "rust",
    code: (fn, q) =>
      `// ${q} (sandbox example)\nfn ${fn}(items: &[i64]) -> Vec<i64> {\n    items.iter().map(|item| item * 2).collect()\n}\n\nfn main() {\n    println!("{:?}", ${fn}(&[1, 2, 3]));\n}`,
  },
  {
    pattern: /\bgo(lang)?\b/i,
    fence: "go",
    code: (fn, q) =>
      `// ${q} (sandbox example)\nfunc ${camel(fn)}(items []int) []int {\n\tout := make([]int, len(items))\n\tfor i, item := range items {\n\t\tout[i] = item * 2\n\t}\n\treturn out\n}`,
  },
  {
    pattern: /\bjava\b/i,
    fence: "java",
    code: (fn, q) =>
      `// ${q} (sandbox example)\nstatic int[] ${camel(fn)}(int[] items) {\n    return java.util.Arrays.stream(items).map(item -> item * 2).toArray();\n}`,
  },
  {
    pattern: /\b(bash|shell|sh)\b/i,
    fence: "bash",
    code: (fn, q) =>
      `# ${q} (sandbox example)\n${fn}() {\n  for item in "$@"; do\n    echo "$((item * 2))"\n  done\n}\n\n${fn} 1 2 3`,
  },
  {
    pattern: /\bsql\b|\bquery\b/i,
    fence: "sql",
    code: (fn, q) =>
      `-- ${q} (sandbox example)\nSELECT id, name\nFROM ${fn}\nWHERE created_at > NOW() - INTERVAL '7 days'\nORDER BY created_at DESC;`,
  },
  {
    pattern: /.*/,
    fence: "python",
    code: (fn, q) =>
      `def ${fn}(items):\n    """${q.replace(/"/g, "'")} (sandbox example)."""\n    return [item * 2 for item in items]\n\n\nprint(${fn}([1, 2, 3]))`,
  },
];

const CODE_WORDS =
  /^(code|function|script|program|implement\w*|snippet|class|python|javascript|typescript|rust|golang|java|bash|sql|query|shell|node)$/;

function codeBlock(request: string, topic: string[], q: string, rng: Rng): string {
  const lang = LANGUAGES.find((l) => l.pattern.test(request))!;
  const named = topic.filter((w) => !CODE_WORDS.test(w) && /^[a-z]/.test(w));
  const fn = snakeCase(named.slice(0, 2)) || rng.pick(["transform", "process", "handle"]);
  return `\`\`\`${lang.fence}\n${lang.code(fn, q)}\n\`\`\``;
}

const camel = (snake: string) => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
