// The sandbox's agents (the real API's agents are created in La Plateforme; the spec only calls them).
export interface SandboxAgent {
  id: string;
  name: string;
  description: string;
  model: string;
  /**
   * How the agent shapes its answers beyond the request: always code, always JSON, or text citing
   * its sources (text and reference chunks, as an agent with a search tool answers).
   */
  style?: "code" | "json" | "cited";
}

// Ids shaped like the real ones: ag:<workspace>:<date>:<slug>:<8 hex>.
export const SANDBOX_AGENTS: SandboxAgent[] = [
  {
    id: "ag:sandbox:20240801:general-assistant:5c2a9e10",
    name: "General assistant",
    description: "answers any question in a few sentences",
    model: "mistral-small-latest",
  },
  {
    id: "ag:sandbox:20240801:code-helper:8f31b7d4",
    name: "Code helper",
    description: "answers with code",
    model: "codestral-latest",
    style: "code",
  },
  {
    id: "ag:sandbox:20240801:json-extractor:a4e06c92",
    name: "JSON extractor",
    description: "always answers with a JSON object",
    model: "open-mistral-nemo",
    style: "json",
  },
  {
    id: "ag:sandbox:20240801:research-assistant:3d9b71e2",
    name: "Research assistant",
    description: "answers with its sources cited",
    model: "mistral-medium-latest",
    style: "cited",
  },
];

export const findAgent = (id: string) => SANDBOX_AGENTS.find((a) => a.id === id);
