// The Agents page's form and the API's agent in both directions: what the fields hold (text as
// typed, so a half-typed number is not lost) and the CreateAgentRequest / UpdateAgentRequest body
// they make. Tools the form has no checkbox for (function tools, connectors) stay as JSON, so an
// edit keeps every tool the agent had.
import { z } from "zod";
import type { Agent, AgentRequest } from "@/lib/api/hooks/use-agents";

/** The built-in tools of today's spec that need no configuration, with their labels. */
export const BUILT_IN_TOOLS = [
  { type: "web_search", label: "Web search" },
  { type: "web_search_premium", label: "Web search (premium)" },
  { type: "code_interpreter", label: "Code interpreter" },
  { type: "image_generation", label: "Image generation" },
] as const;
type BuiltIn = (typeof BUILT_IN_TOOLS)[number]["type"];
const BUILT_IN_TYPES = BUILT_IN_TOOLS.map((t) => t.type) as BuiltIn[];

type Tool = NonNullable<AgentRequest["tools"]>[number];

function parseOtherTools(text: string): unknown[] | string {
  if (!text.trim()) return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return "Not valid JSON";
  }
  if (!Array.isArray(value)) return 'A JSON array of tools: [{ "type": "function", … }]';
  const bad = value.findIndex(
    (t) =>
      typeof t !== "object" || t === null || typeof (t as { type?: unknown }).type !== "string",
  );
  return bad === -1 ? value : `Tool ${bad + 1} has no "type"`;
}

/** An optional number typed as text, between min and max. */
const optionalNumber = (min: number, max: number, integer = false) =>
  z.string().refine(
    (s) => {
      if (!s.trim()) return true;
      const n = Number(s);
      return Number.isFinite(n) && n >= min && n <= max && (!integer || Number.isInteger(n));
    },
    `A ${integer ? "whole number" : "number"} from ${min} to ${max}, or empty`,
  );

export const agentFormSchema = z.object({
  name: z.string().trim().min(1, "Give the agent a name"),
  description: z.string(),
  instructions: z.string(),
  model: z.string().min(1, "Choose a model"),
  builtIn: z.array(z.enum(BUILT_IN_TYPES as [BuiltIn, ...BuiltIn[]])),
  /** Document library ids, separated by commas or spaces; the tool is on when there are some. */
  libraryIds: z.string(),
  otherTools: z.string().superRefine((text, ctx) => {
    const parsed = parseOtherTools(text);
    if (typeof parsed === "string") ctx.addIssue({ code: "custom", message: parsed });
  }),
  temperature: optionalNumber(0, 2),
  topP: optionalNumber(0, 1),
  maxTokens: optionalNumber(1, 1_000_000, true),
});

export type AgentFormValues = z.infer<typeof agentFormSchema>;

export function emptyAgentForm(model = ""): AgentFormValues {
  return {
    name: "",
    description: "",
    instructions: "",
    model,
    builtIn: [],
    libraryIds: "",
    otherTools: "",
    temperature: "",
    topP: "",
    maxTokens: "",
  };
}

const numberText = (n: number | null | undefined) => (n == null ? "" : String(n));

/** The form filled from an agent as the API returns it. */
export function agentToForm(agent: Agent): AgentFormValues {
  const tools = (agent.tools ?? []) as { type: string; library_ids?: string[] }[];
  const builtIn = BUILT_IN_TYPES.filter((type) => tools.some((t) => t.type === type));
  const libraries = tools.filter((t) => t.type === "document_library");
  const other = tools.filter(
    (t) => t.type !== "document_library" && !BUILT_IN_TYPES.includes(t.type as BuiltIn),
  );
  const args = agent.completion_args ?? {};
  return {
    name: agent.name,
    description: agent.description ?? "",
    instructions: agent.instructions ?? "",
    model: agent.model,
    builtIn,
    libraryIds: libraries.flatMap((t) => t.library_ids ?? []).join(", "),
    otherTools: other.length ? JSON.stringify(other, null, 2) : "",
    temperature: numberText(args.temperature),
    topP: numberText(args.top_p),
    maxTokens: numberText(args.max_tokens),
  };
}

/** The request body for the form's values (already checked by agentFormSchema). */
export function formToAgentRequest(v: AgentFormValues): AgentRequest {
  const libraryIds = v.libraryIds.split(/[\s,]+/).filter(Boolean);
  const other = parseOtherTools(v.otherTools);
  const tools = [
    ...v.builtIn.map((type) => ({ type })),
    ...(libraryIds.length ? [{ type: "document_library", library_ids: libraryIds }] : []),
    ...(Array.isArray(other) ? other : []),
  ] as Tool[];
  const num = (s: string) => (s.trim() ? Number(s) : undefined);
  const completionArgs = Object.fromEntries(
    Object.entries({
      temperature: num(v.temperature),
      top_p: num(v.topP),
      max_tokens: num(v.maxTokens),
    }).filter(([, n]) => n !== undefined),
  );
  return {
    name: v.name.trim(),
    description: v.description.trim() || null,
    instructions: v.instructions.trim() || null,
    model: v.model,
    tools,
    completion_args: completionArgs,
  };
}
