// The sandbox's model catalogue: the base models of mid-2024 (the spec's time) and the shape shared
// with fine-tuned models, so generation and the models API read one description of a model.
import type { FTModelOut, ModelCard } from "@/lib/mistral/seed-types";

export interface SandboxModelCapabilities {
  completion_chat: boolean;
  completion_fim: boolean;
  function_calling: boolean;
  fine_tuning: boolean;
}

/** One model as the sandbox knows it: a base model (ModelCard) or a fine-tuned one (FTModelOut). */
export interface SandboxModel {
  id: string;
  object: "model";
  created: number;
  owned_by: string;
  /** The base model a fine-tuned model was trained from; null for base models. */
  root: string | null;
  archived: boolean;
  name: string | null;
  description: string | null;
  capabilities: SandboxModelCapabilities;
  max_context_length: number;
  aliases: string[];
  deprecation: string | null;
  /** Set for fine-tuned models: the job that produced it. */
  job: string | null;
  kind: "base" | "fine-tuned";
  /** The canonical (dated) name of the base model family this id belongs to, e.g. mistral-large-2407. */
  family: string;
}

interface Family {
  names: string[]; // canonical (dated) name first, then its aliases
  created: string; // release date
  capabilities: SandboxModelCapabilities;
  max_context_length: number;
  description: string;
  deprecation?: string;
}

const caps = (c: Partial<SandboxModelCapabilities>): SandboxModelCapabilities => ({
  completion_chat: true,
  completion_fim: false,
  function_calling: false,
  fine_tuning: false,
  ...c,
});

// As listed by GET /v1/models around July 2024: every name is its own card, aliases point at the others.
const FAMILIES: Family[] = [
  {
    names: ["open-mistral-7b", "mistral-tiny", "mistral-tiny-2312"],
    created: "2023-09-27",
    capabilities: caps({ fine_tuning: true }),
    max_context_length: 32768,
    description: "Our first dense model released September 2023.",
  },
  {
    names: ["open-mixtral-8x7b", "mistral-small-2312"],
    created: "2023-12-11",
    capabilities: caps({ function_calling: true }),
    max_context_length: 32768,
    description: "Our first sparse mixture-of-experts released December 2023.",
  },
  {
    names: ["open-mixtral-8x22b", "open-mixtral-8x22b-2404"],
    created: "2024-04-17",
    capabilities: caps({ function_calling: true }),
    max_context_length: 65536,
    description: "Our best open source model to date released April 2024.",
  },
  {
    names: ["mistral-small-2402", "mistral-small-latest", "mistral-small"],
    created: "2024-02-26",
    capabilities: caps({ function_calling: true, fine_tuning: true }),
    max_context_length: 32768,
    description: "Our latest enterprise-grade small model released February 2024.",
  },
  {
    names: ["mistral-medium-2312", "mistral-medium-latest", "mistral-medium"],
    created: "2023-12-11",
    capabilities: caps({}),
    max_context_length: 32768,
    description: "Our first commercial model released December 2023.",
    deprecation: "2024-11-30T12:00:00Z",
  },
  {
    names: ["mistral-large-2402"],
    created: "2024-02-26",
    capabilities: caps({ function_calling: true }),
    max_context_length: 32768,
    description: "Our first flagship model released February 2024.",
    deprecation: "2024-11-30T12:00:00Z",
  },
  {
    names: ["mistral-large-2407", "mistral-large-latest", "mistral-large"],
    created: "2024-07-24",
    capabilities: caps({ function_calling: true, fine_tuning: true }),
    max_context_length: 131072,
    description: "Our top-tier reasoning model for high-complexity tasks released July 2024.",
  },
  {
    names: ["codestral-2405", "codestral-latest", "codestral"],
    created: "2024-05-29",
    capabilities: caps({ completion_fim: true, fine_tuning: true }),
    max_context_length: 32768,
    description: "Our cutting-edge language model for coding released May 2024.",
  },
  {
    names: [
      "open-mistral-nemo-2407",
      "open-mistral-nemo",
      "mistral-tiny-2407",
      "mistral-tiny-latest",
    ],
    created: "2024-07-18",
    capabilities: caps({ function_calling: true, fine_tuning: true }),
    max_context_length: 131072,
    description: "Our best multilingual open source model released July 2024.",
  },
  {
    names: ["mistral-embed"],
    created: "2023-12-11",
    capabilities: caps({ completion_chat: false }),
    max_context_length: 8192,
    description: "Our state-of-the-art semantic model for extracting representations of text.",
  },
];

export const OWNED_BY = "mistralai";

export const BASE_MODELS: readonly SandboxModel[] = FAMILIES.flatMap((f) =>
  f.names.map((id): SandboxModel => ({
    id,
    object: "model",
    created: Math.floor(Date.parse(`${f.created}T00:00:00Z`) / 1000),
    owned_by: OWNED_BY,
    root: null,
    archived: false,
    name: id,
    description: f.description,
    capabilities: f.capabilities,
    max_context_length: f.max_context_length,
    aliases: f.names.filter((n) => n !== id),
    deprecation: f.deprecation ?? null,
    job: null,
    kind: "base",
    family: f.names[0],
  })),
);

const byId = new Map(BASE_MODELS.map((m) => [m.id, m]));

export function findBaseModel(id: string): SandboxModel | undefined {
  return byId.get(id);
}

/** Base model ids the spec allows as `JobIn.model` (its FineTuneableModel enum). */
export const FINE_TUNEABLE = [
  "open-mistral-7b",
  "mistral-small-latest",
  "codestral-latest",
  "mistral-large-latest",
  "open-mistral-nemo",
] as const;

/** The ModelCard the API answers for a base model. */
export function toModelCard(m: SandboxModel): ModelCard {
  return {
    id: m.id,
    object: "model",
    created: m.created,
    owned_by: m.owned_by,
    root: m.root,
    archived: m.archived,
    name: m.name,
    description: m.description,
    capabilities: { ...m.capabilities },
    max_context_length: m.max_context_length,
    aliases: m.aliases,
    deprecation: m.deprecation,
  };
}

/** The FTModelOut the API answers for a fine-tuned model. */
export function toFTModelOut(m: SandboxModel): FTModelOut {
  return {
    id: m.id,
    object: "model",
    created: m.created,
    owned_by: m.owned_by,
    root: m.root ?? m.family,
    archived: m.archived,
    name: m.name,
    description: m.description,
    capabilities: { ...m.capabilities },
    max_context_length: m.max_context_length,
    aliases: m.aliases,
    job: m.job ?? "",
  };
}

export function toApiModel(m: SandboxModel): ModelCard | FTModelOut {
  return m.kind === "base" ? toModelCard(m) : toFTModelOut(m);
}
