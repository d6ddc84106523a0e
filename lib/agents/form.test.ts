import { describe, expect, it } from "vitest";
import type { Agent } from "@/lib/api/hooks/use-agents";
import { agentFormSchema, agentToForm, emptyAgentForm, formToAgentRequest } from "./form";

const fn = { type: "function", function: { name: "get_weather", parameters: {} } };

describe("agent form", () => {
  it("makes a request with the built-in tools, the libraries and the JSON tools", () => {
    const body = formToAgentRequest({
      ...emptyAgentForm("mistral-small-latest"),
      name: " Trip planner ",
      instructions: "Plan trips.",
      builtIn: ["web_search", "code_interpreter"],
      libraryIds: "lib_1, lib_2",
      otherTools: JSON.stringify([fn]),
      temperature: "0.3",
      maxTokens: "400",
    });
    expect(body).toEqual({
      name: "Trip planner",
      description: null,
      instructions: "Plan trips.",
      model: "mistral-small-latest",
      tools: [
        { type: "web_search" },
        { type: "code_interpreter" },
        { type: "document_library", library_ids: ["lib_1", "lib_2"] },
        fn,
      ],
      completion_args: { temperature: 0.3, max_tokens: 400 },
    });
  });

  it("fills the form from an agent and makes the same tools back", () => {
    const agent = {
      id: "ag_1",
      name: "Helper",
      model: "mistral-medium-latest",
      instructions: "Be brief.",
      tools: [
        { type: "image_generation" },
        { type: "document_library", library_ids: ["lib_9"] },
        fn,
      ],
      completion_args: { top_p: 0.9 },
    } as unknown as Agent;
    const values = agentToForm(agent);
    expect(values).toMatchObject({
      builtIn: ["image_generation"],
      libraryIds: "lib_9",
      topP: "0.9",
      temperature: "",
    });
    expect(formToAgentRequest(values).tools).toEqual(agent.tools);
  });

  it("refuses a missing name or model, bad JSON tools and numbers out of range", () => {
    const result = agentFormSchema.safeParse({
      ...emptyAgentForm(),
      otherTools: "[{ oops",
      temperature: "3",
      maxTokens: "1.5",
    });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path[0]);
    expect(fields).toEqual(
      expect.arrayContaining(["name", "model", "otherTools", "temperature", "maxTokens"]),
    );
    const noType = agentFormSchema.safeParse({
      ...emptyAgentForm("m"),
      name: "x",
      otherTools: '[{"function": {}}]',
    });
    expect(noType.error?.issues[0].message).toBe('Tool 1 has no "type"');
  });
});
