// The per-sample rules of Mistral's fine-tuning data validator. Pure functions over one parsed
// line: no I/O, so they run the same in a browser worker and in Node.
import { countTokens } from "../mistral/tokens";

export type Severity = "error" | "warning";

/** Receives the problems found in one sample; messages carry no "line N:" prefix. */
export type Sink = (severity: Severity, code: string, message: string) => void;

export interface SampleInfo {
  kind: "instruct" | "pretrain" | "classifier" | null;
  /** Number of messages of an instruct sample whose message list is an array. */
  messages: number | null;
  /** The valid roles of its messages, in order. */
  roles: string[];
  tokens: number;
}

type Obj = Record<string, unknown>;

const ROLES = ["system", "user", "assistant", "tool"];
const TOOL_CALL_ID = /^[a-zA-Z0-9]{9}$/;
const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const NEXT_ROLES: Record<string, string[]> = {
  user: ["assistant", "user"],
  assistant: ["assistant", "user", "tool"],
  tool: ["assistant", "tool"],
};
const JSON_TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);

function isObject(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// `null` counts as absent: OpenAI-style exports write `"content": null` beside `tool_calls`.
function has(o: Obj, key: string): boolean {
  return Object.hasOwn(o, key) && o[key] !== null && o[key] !== undefined;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === "" ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Text of a message content: a string, or the `text` parts of a content-chunk array. */
function contentText(value: unknown): string {
  if (typeof value === "string") return value;
  if (!Array.isArray(value)) return "";
  let text = "";
  for (const part of value) if (isObject(part) && typeof part.text === "string") text += part.text;
  return text;
}

const NONE: SampleInfo = { kind: null, messages: null, roles: [], tokens: 0 };

export function checkSample(sample: unknown, report: Sink): SampleInfo {
  if (!isObject(sample)) {
    report("error", "not_object", `expected a JSON object, found ${typeName(sample)}`);
    return NONE;
  }
  if (has(sample, "labels")) return checkClassifier(sample, report);
  if (has(sample, "messages") || has(sample, "interactions")) return checkInstruct(sample, report);
  if (has(sample, "text") || has(sample, "content")) return checkPretrain(sample, report);
  report(
    "error",
    "unknown_sample",
    'has neither "messages" (an instruct sample) nor "text" (a pretrain sample)',
  );
  return NONE;
}

/**
 * A classifier sample: the text to label (`text`, or a conversation in `messages`) and `labels`,
 * an object giving each target its label, or its labels as a list (multi-class targets), e.g.
 * {"text": "Great match!", "labels": {"topic": "sport", "tone": ["happy"]}}.
 */
function checkClassifier(sample: Obj, report: Sink): SampleInfo {
  const labels = sample.labels;
  if (!isObject(labels)) {
    report(
      "error",
      "classifier_labels_not_object",
      `"labels" must be an object of target: label, found ${typeName(labels)}`,
    );
  } else if (Object.keys(labels).length === 0) {
    report(
      "error",
      "classifier_labels_empty",
      '"labels" is empty; give at least one target a label',
    );
  } else {
    for (const [target, value] of Object.entries(labels)) {
      const ok =
        (typeof value === "string" && value !== "") ||
        (Array.isArray(value) &&
          value.length > 0 &&
          value.every((v) => typeof v === "string" && v !== ""));
      if (!ok) {
        report(
          "error",
          "classifier_label_invalid",
          `the label of target "${target}" must be a non-empty string or a list of them, found ${typeName(value)}`,
        );
      }
    }
  }
  if (has(sample, "messages")) return checkClassifiedMessages(sample.messages, report);
  const text = sample.text;
  if (typeof text !== "string" || text === "") {
    report(
      "error",
      "classifier_text_missing",
      has(sample, "text")
        ? `"text" must be a non-empty string, found ${typeName(text)}`
        : 'has "labels" but no "text" (or "messages") to label',
    );
    return { ...NONE, kind: "classifier" };
  }
  return { kind: "classifier", messages: null, roles: [], tokens: countTokens(text) };
}

/**
 * The conversation a classifier labels: messages with a role and content. Unlike instruct data it
 * need not end with an assistant answer: the labels are what is learnt.
 */
function checkClassifiedMessages(list: unknown, report: Sink): SampleInfo {
  if (!Array.isArray(list) || list.length === 0) {
    report(
      "error",
      "messages_not_array",
      `"messages" must be a non-empty array of messages, found ${Array.isArray(list) ? "an empty array" : typeName(list)}`,
    );
    return { ...NONE, kind: "classifier" };
  }
  const roles: string[] = [];
  let tokens = 0;
  list.forEach((m, i) => {
    const role = isObject(m) ? m.role : undefined;
    if (!isObject(m) || typeof role !== "string" || !ROLES.includes(role)) {
      report(
        "error",
        "classifier_message_invalid",
        `message ${i + 1} needs a "role" (${ROLES.join(", ")}) and a "content"`,
      );
      return;
    }
    roles.push(role);
    tokens += countTokens(contentText(m.content));
  });
  return { kind: "classifier", messages: list.length, roles, tokens };
}

function checkPretrain(sample: Obj, report: Sink): SampleInfo {
  if (has(sample, "text") && has(sample, "content")) {
    report("error", "pretrain_text_and_content", 'has both "text" and "content"; keep one');
  }
  const key = has(sample, "text") ? "text" : "content";
  const value = sample[key];
  if (typeof value !== "string") {
    report(
      "error",
      "pretrain_text_not_string",
      `"${key}" must be a string, found ${typeName(value)}`,
    );
    return { ...NONE, kind: "pretrain" };
  }
  return { kind: "pretrain", messages: null, roles: [], tokens: countTokens(value) };
}

function checkInstruct(sample: Obj, report: Sink): SampleInfo {
  if (has(sample, "messages") && has(sample, "interactions")) {
    report(
      "error",
      "messages_and_interactions",
      'has both "messages" and "interactions"; keep one',
    );
  }
  if (has(sample, "tools") && has(sample, "available_tools")) {
    report(
      "error",
      "tools_and_available_tools",
      'has both "tools" and "available_tools"; keep one',
    );
  }
  for (const key of ["tools", "available_tools"])
    if (has(sample, key)) checkTools(sample[key], key, report);

  const key = has(sample, "messages") ? "messages" : "interactions";
  const list = sample[key];
  if (!Array.isArray(list)) {
    report(
      "error",
      "messages_not_array",
      `"${key}" must be an array of messages, found ${typeName(list)}`,
    );
    return { ...NONE, kind: "instruct" };
  }
  if (list.length === 0) {
    report("error", "messages_empty", `"${key}" is empty; add at least one message`);
    return { kind: "instruct", messages: 0, roles: [], tokens: 0 };
  }
  return checkMessages(list, report);
}

function checkTools(tools: unknown, key: string, report: Sink): void {
  if (!Array.isArray(tools)) {
    report(
      "error",
      "tools_not_array",
      `"${key}" must be an array of tools, found ${typeName(tools)}`,
    );
    return;
  }
  tools.forEach((tool, i) => {
    const label = `tool ${i + 1} in "${key}"`;
    const fn = isObject(tool) ? tool.function : undefined;
    if (!isObject(fn)) {
      report("error", "tool_missing_function", `${label} has no "function" object`);
      return;
    }
    if (typeof fn.name !== "string") {
      report("error", "tool_missing_name", `${label} has no "function.name"`);
    } else if (!FUNCTION_NAME.test(fn.name)) {
      report("error", "invalid_function_name", `${label} is named "${fn.name}"; ${NAME_RULE}`);
    }
    if (typeof fn.description !== "string" || fn.description === "") {
      report(
        "error",
        "tool_missing_description",
        `${label} has no "function.description"; describe what it does`,
      );
    }
    const problem = schemaProblem(fn.parameters, "parameters");
    if (problem) report("error", "tool_invalid_parameters", `${label}: ${problem}`);
  });
}

const NAME_RULE = "function names are 1 to 64 letters, digits, '_' or '-'";
const ID_RULE = 'ids are exactly 9 letters or digits, e.g. "D681PevKs"';

/**
 * A structural JSON Schema check of tool parameters: enough to catch the usual mistakes
 * (a missing `type: "object"`, `properties` as a list, `required` naming strings) without
 * bundling a full validator into the browser worker.
 */
function schemaProblem(schema: unknown, path: string, top = true): string | null {
  if (typeof schema === "boolean" && !top) return null;
  if (!isObject(schema)) return `"${path}" must be a JSON Schema object, found ${typeName(schema)}`;
  if (top && schema.type !== "object") {
    return `"${path}" must be a JSON Schema with "type": "object"`;
  }
  if (has(schema, "type")) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const bad = types.find((t) => typeof t !== "string" || !JSON_TYPES.has(t));
    if (bad !== undefined || types.length === 0) {
      return `"${path}.type" must be one of ${[...JSON_TYPES].join(", ")}, found ${JSON.stringify(schema.type)}`;
    }
  }
  if (has(schema, "properties")) {
    if (!isObject(schema.properties)) {
      return `"${path}.properties" must be an object mapping names to schemas, found ${typeName(schema.properties)}`;
    }
    for (const [name, sub] of Object.entries(schema.properties)) {
      const problem = schemaProblem(sub, `${path}.properties.${name}`, false);
      if (problem) return problem;
    }
  }
  if (has(schema, "required")) {
    const req = schema.required;
    if (
      !Array.isArray(req) ||
      req.some((r) => typeof r !== "string") ||
      new Set(req).size !== req.length
    ) {
      return `"${path}.required" must be an array of distinct property names`;
    }
  }
  if (has(schema, "items")) {
    const problem = schemaProblem(schema.items, `${path}.items`, false);
    if (problem) return problem;
  }
  return null;
}

function checkMessages(list: unknown[], report: Sink): SampleInfo {
  const roles: (string | null)[] = [];
  const toolCallCounts: number[] = [];
  let tokens = 0;
  let systemSeen = false;
  let lastAssistant = -1;
  list.forEach((m, i) => {
    if (isObject(m) && m.role === "assistant") lastAssistant = i;
  });

  list.forEach((m, i) => {
    roles.push(null);
    toolCallCounts.push(0);
    let label = `message ${i + 1}`;
    if (!isObject(m)) {
      report("error", "message_not_object", `${label} must be an object, found ${typeName(m)}`);
      return;
    }
    const role = m.role;
    if (typeof role !== "string" || !ROLES.includes(role)) {
      report(
        "error",
        "invalid_role",
        role === undefined
          ? `${label} has no "role"; use one of ${ROLES.join(", ")}`
          : `${label} has role ${JSON.stringify(role)}; use one of ${ROLES.join(", ")}`,
      );
      return;
    }
    roles[i] = role;
    label = `message ${i + 1} (${role})`;

    if (role === "system") {
      if (systemSeen)
        report("error", "multiple_system", `${label} is a second system message; keep at most one`);
      systemSeen = true;
    }
    if (has(m, "content") && has(m, "text")) {
      report("error", "content_and_text", `${label} has both "content" and "text"; keep one`);
    }
    const content = has(m, "content") ? m.content : m.text;
    if (
      content !== undefined &&
      content !== null &&
      typeof content !== "string" &&
      !Array.isArray(content)
    ) {
      report(
        "error",
        "content_type",
        `${label} content must be a string, found ${typeName(content)}`,
      );
    }
    tokens += countTokens(contentText(content));

    const toolCalls = m.tool_calls;
    if (role === "assistant") {
      const hasContent = !isEmpty(content);
      const hasCalls = !isEmpty(toolCalls);
      if (hasContent && hasCalls) {
        report(
          "error",
          "assistant_content_and_tool_calls",
          `${label} has both "content" and "tool_calls"; keep one`,
        );
      } else if (!hasContent && !hasCalls) {
        report(
          "error",
          "assistant_empty",
          `${label} has neither content nor "tool_calls"; add one`,
        );
      }
      if (has(m, "weight") && m.weight !== 0 && m.weight !== 1) {
        report(
          "error",
          "invalid_weight",
          `${label} has weight ${JSON.stringify(m.weight)}; use 0 or 1`,
        );
      }
      if (hasCalls) {
        const result = checkToolCalls(toolCalls, label, i === lastAssistant, report);
        toolCallCounts[i] = result.count;
        tokens += result.tokens;
      }
    } else if (!has(m, "tool_calls") && !has(m, "content") && !has(m, "text")) {
      report("error", "missing_content", `${label} has no "content"; add it`);
    }

    if (role === "tool") {
      const id = m.tool_call_id;
      if (id === undefined || id === null) {
        report(
          "error",
          "tool_message_missing_id",
          `${label} has no "tool_call_id"; set it to the id of the call it answers`,
        );
      } else if (typeof id !== "string" || !TOOL_CALL_ID.test(id)) {
        report(
          "error",
          "invalid_tool_call_id",
          `${label} has tool_call_id ${JSON.stringify(id)}; ${ID_RULE}`,
        );
      }
    }
  });

  // Ordering only makes sense once every message has a known role.
  if (roles.every((r): r is string => r !== null)) checkOrder(roles, toolCallCounts, report);
  return {
    kind: "instruct",
    messages: list.length,
    roles: roles.filter((r): r is string => r !== null),
    tokens,
  };
}

function checkToolCalls(
  calls: unknown,
  label: string,
  isLastAssistant: boolean,
  report: Sink,
): { count: number; tokens: number } {
  if (!Array.isArray(calls)) {
    report(
      "error",
      "tool_calls_not_array",
      `${label} "tool_calls" must be an array, found ${typeName(calls)}`,
    );
    return { count: 0, tokens: 0 };
  }
  let tokens = 0;
  calls.forEach((call, j) => {
    const callLabel = `${label} tool call ${j + 1}`;
    if (!isObject(call)) {
      report(
        "error",
        "tool_call_not_object",
        `${callLabel} must be an object, found ${typeName(call)}`,
      );
      return;
    }
    if (call.id === undefined || call.id === null) {
      // The final assistant turn is what the model learns to emit, before any id exists.
      if (!isLastAssistant) {
        report(
          "error",
          "tool_call_missing_id",
          `${callLabel} has no "id"; only the last assistant message may omit it`,
        );
      }
    } else if (typeof call.id !== "string" || !TOOL_CALL_ID.test(call.id)) {
      report(
        "error",
        "invalid_tool_call_id",
        `${callLabel} has id ${JSON.stringify(call.id)}; ${ID_RULE}`,
      );
    }
    const fn = call.function;
    if (!isObject(fn) || typeof fn.name !== "string") {
      report("error", "tool_call_missing_name", `${callLabel} has no "function.name"`);
    } else {
      if (!FUNCTION_NAME.test(fn.name)) {
        report("error", "invalid_function_name", `${callLabel} calls "${fn.name}"; ${NAME_RULE}`);
      }
      tokens += countTokens(fn.name);
    }
    const args = isObject(fn) ? fn.arguments : undefined;
    if (typeof args !== "string") {
      report(
        "error",
        "tool_call_arguments_not_string",
        args === undefined
          ? `${callLabel} has no "function.arguments"; use "{}" for none`
          : `${callLabel} "function.arguments" must be a string of JSON, found ${typeName(args)}; encode it with JSON.stringify`,
      );
    } else {
      tokens += countTokens(args);
    }
  });
  return { count: calls.length, tokens };
}

function checkOrder(roles: string[], toolCallCounts: number[], report: Sink): void {
  const describe = (i: number) => `message ${i + 1} (${roles[i]})`;
  if (roles.length === 1) {
    if (roles[0] !== "user" && roles[0] !== "system") {
      report(
        "error",
        "single_message_role",
        `a conversation of one message must be user or system, found ${roles[0]}`,
      );
    }
    return;
  }
  const last = roles.length - 1;
  if (roles[last] !== "assistant") {
    report(
      "error",
      "last_not_assistant",
      `the last message, ${describe(last)}, must be an assistant message`,
    );
  }

  // The system message sits outside the turn order.
  const turns = roles.map((_, i) => i).filter((i) => roles[i] !== "system");
  if (turns.length > 0 && roles[turns[0]] !== "user") {
    report(
      "warning",
      "first_not_user",
      `the conversation starts with ${describe(turns[0])}; it usually starts with a user message`,
    );
  }
  for (let k = 1; k < turns.length; k++) {
    const prev = turns[k - 1];
    const cur = turns[k];
    const allowed = NEXT_ROLES[roles[prev]];
    if (!allowed.includes(roles[cur])) {
      report(
        "error",
        "invalid_order",
        `${describe(cur)} cannot follow ${describe(prev)}; after ${roles[prev]} comes ${allowed.join(" or ")}`,
      );
    }
  }
  for (let k = 0; k < turns.length; k++) {
    const i = turns[k];
    if (roles[i] !== "assistant" || k === turns.length - 1) continue;
    let results = 0;
    while (k + 1 + results < turns.length && roles[turns[k + 1 + results]] === "tool") results++;
    const calls = toolCallCounts[i];
    if (results !== calls) {
      report(
        "error",
        "tool_results_mismatch",
        `${describe(i)} makes ${calls} tool call${calls === 1 ? "" : "s"} but is followed by ${results} tool message${results === 1 ? "" : "s"}; answer each call with one tool message`,
      );
    }
  }
}
