// Agents and conversations: today's shapes (spec + SDK 2.x zod), history kept across appends,
// restart, streamed events in today's format, and an agent answer with a reference chunk.
import {
  Agent$inboundSchema,
  AgentConversation$inboundSchema,
  ConversationEvents$inboundSchema,
  ConversationHistory$inboundSchema,
  ConversationMessages$inboundSchema,
  ConversationResponse$inboundSchema,
  ModelConversation$inboundSchema,
} from "@mistralai/mistralai/models/components";
import { afterEach, describe, expect, it } from "vitest";
import { SANDBOX_AGENTS } from "./generation";
import { openSandbox, type TestSandbox } from "./test/helpers";
import { todayApi } from "./test/today";
import { schemaValidator } from "@/lib/mistral/spec";

type Json = Record<string, unknown>;
interface Entry {
  id: string;
  type: string;
  role: string;
  content: string | Json[];
}
interface ConversationResponse {
  conversation_id: string;
  outputs: Entry[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

let t: TestSandbox | undefined;
afterEach(() => t?.close());

async function start(t: TestSandbox, body: Json) {
  const res = await todayApi<ConversationResponse>(t, "POST", "/v1/conversations", body);
  expect(res.status).toBe(200);
  ConversationResponse$inboundSchema.parse(res.body);
  return res.body;
}

describe("agents", () => {
  it("create, get, update as a new version, switch back, list versions, delete", async () => {
    t = openSandbox();
    const created = await todayApi<Json & { id: string }>(t, "POST", "/v1/agents", {
      model: "mistral-small-latest",
      name: "Helper",
      instructions: "Answer briefly.",
    });
    expect(created.status).toBe(200);
    expect(Agent$inboundSchema.parse(created.body)).toMatchObject({ version: 0, versions: [0] });
    const id = created.body.id;

    const updated = await todayApi(t, "PATCH", `/v1/agents/${id}`, { name: "Helper 2" });
    expect(Agent$inboundSchema.parse(updated.body)).toMatchObject({
      name: "Helper 2",
      instructions: "Answer briefly.",
      version: 1,
      versions: [0, 1],
    });
    const back = await todayApi(t, "PATCH", `/v1/agents/${id}/version?version=0`);
    expect(back.body).toMatchObject({ name: "Helper", version: 0 });
    const v1 = await todayApi(t, "GET", `/v1/agents/${id}/versions/1`);
    expect(v1.body).toMatchObject({ name: "Helper 2", version: 1 });
    const versions = await todayApi<Json[]>(t, "GET", `/v1/agents/${id}/versions`);
    expect(versions.body.map((a) => a.version)).toEqual([1, 0]);
    const list = await todayApi<Json[]>(t, "GET", "/v1/agents");
    expect(list.body.map((a) => a.id)).toEqual([id]);

    expect((await t.call("DELETE", `/v1/agents/${id}`)).status).toBe(204);
    expect((await todayApi(t, "GET", `/v1/agents/${id}`)).status).toBe(404);
  });

  it("an agent made through /v1/agents answers agents completions with its model, until deleted", async () => {
    t = openSandbox();
    const created = await todayApi<{ id: string }>(t, "POST", "/v1/agents", {
      model: "mistral-large-latest",
      name: "Trip planner",
    });
    const ask = () =>
      t!.call("POST", "/v1/agents/completions", {
        agent_id: created.body.id,
        messages: [{ role: "user", content: "Plan a day in Lyon" }],
      });
    const res = await ask();
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      model: string;
      choices: { message: { content: string } }[];
    };
    expect(body.model).toBe("mistral-large-latest");
    expect(body.choices[0].message.content).toContain("Trip planner");

    await t.call("DELETE", `/v1/agents/${created.body.id}`);
    expect((await ask()).status).toBe(404);
  });
});

describe("conversations", () => {
  it("start, append keeps the history, get, list, messages, delete", async () => {
    t = openSandbox();
    const first = await start(t, {
      model: "mistral-small-latest",
      inputs: "Name a famous bridge",
      name: "bridges",
    });
    const id = first.conversation_id;
    expect(first.outputs[0]).toMatchObject({ type: "message.output", role: "assistant" });
    expect(first.outputs[0].content).toMatch(/^\[sandbox\]/);

    const second = await todayApi<ConversationResponse>(t, "POST", `/v1/conversations/${id}`, {
      inputs: [{ role: "user", content: "And a famous tower?" }],
    });
    expect(second.status).toBe(200);
    // The whole history is the prompt of the second turn.
    expect(second.body.usage.prompt_tokens).toBeGreaterThan(first.usage.prompt_tokens);

    const history = await todayApi<{ entries: Entry[] }>(
      t,
      "GET",
      `/v1/conversations/${id}/history`,
    );
    ConversationHistory$inboundSchema.parse(history.body);
    expect(history.body.entries.map((e) => [e.type, e.role])).toEqual([
      ["message.input", "user"],
      ["message.output", "assistant"],
      ["message.input", "user"],
      ["message.output", "assistant"],
    ]);
    expect(history.body.entries[2].content).toBe("And a famous tower?");
    const messages = await todayApi(t, "GET", `/v1/conversations/${id}/messages`);
    ConversationMessages$inboundSchema.parse(messages.body);

    const got = await todayApi(t, "GET", `/v1/conversations/${id}`);
    expect(ModelConversation$inboundSchema.parse(got.body)).toMatchObject({
      id,
      model: "mistral-small-latest",
      name: "bridges",
    });
    const list = await todayApi<Json[]>(t, "GET", "/v1/conversations");
    expect(list.body.map((c) => c.id)).toEqual([id]);

    expect((await t.call("DELETE", `/v1/conversations/${id}`)).status).toBe(204);
    expect((await todayApi(t, "GET", `/v1/conversations/${id}`)).status).toBe(404);
  });

  it("restarts from an entry into a new conversation", async () => {
    t = openSandbox();
    const first = await start(t, { model: "mistral-small-latest", inputs: "one" });
    await todayApi(t, "POST", `/v1/conversations/${first.conversation_id}`, { inputs: "two" });
    const restarted = await todayApi<ConversationResponse>(
      t,
      "POST",
      `/v1/conversations/${first.conversation_id}/restart`,
      { inputs: "three", from_entry_id: first.outputs[0].id },
    );
    expect(restarted.status).toBe(200);
    expect(restarted.body.conversation_id).not.toBe(first.conversation_id);
    const history = await todayApi<{ entries: Entry[] }>(
      t,
      "GET",
      `/v1/conversations/${restarted.body.conversation_id}/history`,
    );
    expect(history.body.entries.filter((e) => e.role === "user").map((e) => e.content)).toEqual([
      "one",
      "three",
    ]);
  });

  it("runs an agent's instructions, and cites a source with web search", async () => {
    t = openSandbox();
    const agent = await todayApi<{ id: string }>(t, "POST", "/v1/agents", {
      model: "mistral-small-latest",
      name: "Researcher",
      instructions: "Cite your sources.",
      tools: [{ type: "web_search" }],
    });
    const res = await start(t, { agent_id: agent.body.id, inputs: "Who built the Eiffel tower?" });
    // The search it ran, then the answer citing what it found.
    expect(res.outputs.map((o) => o.type)).toEqual(["tool.execution", "message.output"]);
    expect(res.outputs[0]).toMatchObject({
      name: "web_search",
      arguments: JSON.stringify({ query: "Who built the Eiffel tower?" }),
    });
    const content = res.outputs[1].content as Json[];
    expect(content.map((c) => c.type)).toEqual(["text", "tool_reference", "text"]);
    expect(content[1]).toMatchObject({ tool: "web_search", title: expect.any(String) });
    const got = await todayApi(t, "GET", `/v1/conversations/${res.conversation_id}`);
    expect(AgentConversation$inboundSchema.parse(got.body)).toMatchObject({
      agentId: agent.body.id,
      agentVersion: 0,
    });
  });

  it("streams today's events: started, deltas, done with usage", async () => {
    t = openSandbox();
    const res = await t.call("POST", "/v1/conversations", {
      model: "mistral-small-latest",
      inputs: "Name a famous bridge",
      stream: true,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
    const events = (await res.text())
      .trim()
      .split("\n\n")
      .map((block) => {
        const [eventLine, dataLine] = block.split("\n");
        return { event: eventLine.slice("event: ".length), data: JSON.parse(dataLine.slice(6)) };
      });
    const validate = schemaValidator("ConversationEvents");
    for (const e of events) {
      expect(validate(e), JSON.stringify(validate.errors)).toBe(true);
      // The SDK parses the raw SSE `data` text itself.
      ConversationEvents$inboundSchema.parse({ event: e.event, data: JSON.stringify(e.data) });
    }
    expect(events[0].event).toBe("conversation.response.started");
    expect(events.at(-1)!.event).toBe("conversation.response.done");
    expect(events.at(-1)!.data.usage.total_tokens).toBeGreaterThan(0);
    const text = events
      .filter((e) => e.event === "message.output.delta")
      .map((e) => e.data.content)
      .join("");
    const history = await todayApi<{ entries: Entry[] }>(
      t,
      "GET",
      `/v1/conversations/${events[0].data.conversation_id}/history`,
    );
    expect(history.body.entries[1].content).toBe(text);
  });

  it("a built-in agent answers through conversations; the citing one sends titled, linked sources", async () => {
    t = openSandbox();
    const cited = SANDBOX_AGENTS.find((a) => a.style === "cited")!;
    const res = await start(t, { agent_id: cited.id, inputs: "Where is the Louvre? In Paris." });
    const content = res.outputs.at(-1)!.content as Json[];
    expect(content.map((c) => c.type)).toEqual([
      "text",
      "tool_reference",
      "text",
      "tool_reference",
    ]);
    expect(content[0].text).toMatch(/^\[sandbox\] Research assistant here/);
    expect(content[1]).toMatchObject({
      tool: "web_search",
      title: "Sandbox source 1",
      url: "https://sandbox.invalid/source-1",
    });
    expect(content[3]).toMatchObject({ title: "Sandbox source 2" });
    const pinned = await todayApi(t, "POST", "/v1/conversations", {
      agent_id: cited.id,
      agent_version: 3,
      inputs: "hi",
    });
    expect(pinned.status).toBe(404);
  });

  it("pins an agent version for the whole conversation, and restarts on another", async () => {
    t = openSandbox();
    const agent = await todayApi<{ id: string }>(t, "POST", "/v1/agents", {
      model: "mistral-small-latest",
      name: "First name",
    });
    await todayApi(t, "PATCH", `/v1/agents/${agent.body.id}`, { name: "Second name" });
    const first = await start(t, { agent_id: agent.body.id, agent_version: 0, inputs: "hi" });
    expect(JSON.stringify(first.outputs[0].content)).toContain("First name here");
    const next = await todayApi<ConversationResponse>(
      t,
      "POST",
      `/v1/conversations/${first.conversation_id}`,
      { inputs: "again" },
    );
    expect(JSON.stringify(next.body.outputs[0].content)).toContain("First name here");
    const restarted = await todayApi<ConversationResponse>(
      t,
      "POST",
      `/v1/conversations/${first.conversation_id}/restart`,
      { inputs: "and now?", from_entry_id: first.outputs[0].id, agent_version: 1 },
    );
    expect(JSON.stringify(restarted.body.outputs[0].content)).toContain("Second name here");
  });

  it("streams the search an agent runs before its cited answer", async () => {
    t = openSandbox();
    const cited = SANDBOX_AGENTS.find((a) => a.style === "cited")!;
    const res = await t.call("POST", "/v1/conversations", {
      agent_id: cited.id,
      inputs: "Where is the Louvre? In Paris.",
      stream: true,
    });
    const events = (await res.text())
      .trim()
      .split("\n\n")
      .map((block) => JSON.parse(block.split("\n")[1].slice(6)) as Json);
    const validate = schemaValidator("ConversationEvents");
    for (const e of events) {
      expect(validate({ event: e.type, data: e }), JSON.stringify(validate.errors)).toBe(true);
      ConversationEvents$inboundSchema.parse({ event: e.type, data: JSON.stringify(e) });
    }
    const types = [...new Set(events.map((e) => e.type))];
    expect(types).toEqual([
      "conversation.response.started",
      "tool.execution.started",
      "tool.execution.done",
      "message.output.delta",
      "conversation.response.done",
    ]);
    const sources = events.filter(
      (e) => e.type === "message.output.delta" && typeof e.content === "object",
    );
    expect(sources.map((e) => (e.content as Json).url)).toEqual([
      "https://sandbox.invalid/source-1",
      "https://sandbox.invalid/source-2",
    ]);
    expect(sources.every((e) => e.output_index === 1)).toBe(true);
  });

  it("keeps nothing with store: false", async () => {
    t = openSandbox();
    const res = await start(t, { model: "mistral-small-latest", inputs: "hi", store: false });
    expect(res.outputs).toHaveLength(1);
    expect((await todayApi(t, "GET", `/v1/conversations/${res.conversation_id}`)).status).toBe(404);
    expect((await todayApi<Json[]>(t, "GET", "/v1/conversations")).body).toEqual([]);
  });

  it("answers 404 for an unknown conversation and 422 for a body off the schema", async () => {
    t = openSandbox();
    expect((await todayApi(t, "GET", "/v1/conversations/conv_nope")).status).toBe(404);
    expect((await todayApi(t, "POST", "/v1/conversations", { model: "x" })).status).toBe(422);
    const both = await todayApi(t, "POST", "/v1/conversations", {
      model: "mistral-small-latest",
      agent_id: "ag_1",
      inputs: "hi",
    });
    expect(both.status).toBe(422);
  });
});
