// The sandbox's model catalogue as GET /v1/models lists it today (ids taken from the official SDKs'
// examples and model lists, and today's spec's examples), with the mid-2024 models it started
// with kept as retired cards (deprecation date and replacement), and the shape shared with
// fine-tuned models, so generation and the models API read one description of a model.
import type { components } from "@/lib/mistral/schema.gen";

type S = components["schemas"];
type BaseModelCard = S["BaseModelCard"];
type FTModelCard = S["FTModelCard"];

/** Today's ModelCapabilities, every flag present. */
export interface SandboxModelCapabilities {
  completion_chat: boolean;
  function_calling: boolean;
  reasoning: boolean;
  completion_fim: boolean;
  fine_tuning: boolean;
  vision: boolean;
  ocr: boolean;
  classification: boolean;
  moderation: boolean;
  audio: boolean;
  audio_transcription: boolean;
  audio_transcription_realtime: boolean;
  audio_speech: boolean;
  unified_resources: boolean;
}

/** One model as the sandbox knows it: a base model (BaseModelCard) or a fine-tuned one (FTModelCard). */
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
  deprecation_replacement_model: string | null;
  default_model_temperature: number | null;
  /** Set for fine-tuned models: the job that produced it. */
  job: string | null;
  kind: "base" | "fine-tuned";
  /** Fine-tuned models: what the job trained (a classifier answers classifications only). */
  modelType?: "completion" | "classifier";
  /** The canonical (dated) name of the base model family this id belongs to, e.g. mistral-large-2407. */
  family: string;
}

interface Family {
  names: string[]; // canonical (dated) name first, then its aliases
  created: string; // release date
  capabilities: SandboxModelCapabilities;
  max_context_length: number;
  description: string;
  temperature?: number;
  deprecation?: string;
  replacement?: string;
}

const caps = (c: Partial<SandboxModelCapabilities>): SandboxModelCapabilities => ({
  completion_chat: true,
  function_calling: false,
  reasoning: false,
  completion_fim: false,
  fine_tuning: false,
  vision: false,
  ocr: false,
  classification: false,
  moderation: false,
  audio: false,
  audio_transcription: false,
  audio_transcription_realtime: false,
  audio_speech: false,
  unified_resources: false,
  ...c,
});

const chatFc = { function_calling: true };
const RETIRED = "2025-03-30T12:00:00Z";

const FAMILIES: Family[] = [
  // Today's models.
  {
    names: [
      "mistral-medium-2604",
      "mistral-medium-3-5",
      "mistral-medium-3.5",
      "mistral-medium-latest",
      "mistral-medium",
    ],
    created: "2026-04-15",
    capabilities: caps({ ...chatFc, vision: true, fine_tuning: true }),
    max_context_length: 131072,
    description: "Our frontier-class multimodal model, for enterprise workloads.",
    temperature: 0.3,
  },
  {
    names: ["mistral-large-2512", "mistral-large-latest", "mistral-large"],
    created: "2025-12-02",
    capabilities: caps({ ...chatFc, vision: true, fine_tuning: true }),
    max_context_length: 262144,
    description: "Our open-weight, general-purpose multimodal flagship model.",
    temperature: 0.3,
  },
  {
    names: ["mistral-small-2603", "mistral-small-latest", "mistral-small"],
    created: "2026-03-10",
    capabilities: caps({ ...chatFc, vision: true, fine_tuning: true }),
    max_context_length: 131072,
    description: "Our small multimodal model with reasoning, vision and tools.",
    temperature: 0.3,
  },
  {
    names: ["magistral-medium-2509", "magistral-medium-latest"],
    created: "2025-09-17",
    capabilities: caps({ ...chatFc, reasoning: true, vision: true }),
    max_context_length: 131072,
    description: "Our frontier-class reasoning model.",
    temperature: 0.7,
  },
  {
    names: ["magistral-small-2509", "magistral-small-latest"],
    created: "2025-09-17",
    capabilities: caps({ ...chatFc, reasoning: true, vision: true }),
    max_context_length: 131072,
    description: "Our small reasoning model.",
    temperature: 0.7,
  },
  {
    names: ["ministral-14b-2512", "ministral-14b-latest"],
    created: "2025-12-02",
    capabilities: caps({ ...chatFc, vision: true, fine_tuning: true }),
    max_context_length: 262144,
    description: "Ministral 3 14B, a small multimodal model for the edge.",
  },
  {
    names: ["ministral-8b-2512", "ministral-8b-latest"],
    created: "2025-12-02",
    capabilities: caps({ ...chatFc, vision: true, fine_tuning: true }),
    max_context_length: 262144,
    description: "Ministral 3 8B, a small multimodal model for the edge.",
  },
  {
    names: ["ministral-3b-2512", "ministral-3b-latest"],
    created: "2025-12-02",
    capabilities: caps({ ...chatFc, vision: true }),
    max_context_length: 131072,
    description: "Ministral 3 3B, the smallest multimodal model.",
  },
  {
    names: ["pixtral-12b-2409", "pixtral-12b", "pixtral-12b-latest"],
    created: "2024-09-17",
    capabilities: caps({ ...chatFc, vision: true }),
    max_context_length: 131072,
    description: "A 12B model with image understanding.",
  },
  {
    names: ["codestral-2508", "codestral-latest", "codestral"],
    created: "2025-07-30",
    capabilities: caps({ ...chatFc, completion_fim: true, fine_tuning: true }),
    max_context_length: 262144,
    description: "Our cutting-edge model for code completion (FIM) and code chat.",
    temperature: 0.3,
  },
  {
    names: ["devstral-medium-2507", "devstral-medium-latest"],
    created: "2025-07-10",
    capabilities: caps({ ...chatFc }),
    max_context_length: 131072,
    description: "Our model for software engineering agents.",
  },
  {
    names: ["devstral-small-2507", "devstral-small-latest"],
    created: "2025-07-10",
    capabilities: caps({ ...chatFc }),
    max_context_length: 131072,
    description: "Our open model for software engineering agents.",
  },
  {
    names: ["voxtral-small-2507", "voxtral-small-latest"],
    created: "2025-07-15",
    capabilities: caps({ ...chatFc, audio: true }),
    max_context_length: 32768,
    description: "Chat with audio input, for larger workloads.",
  },
  {
    names: ["voxtral-mini-2507", "voxtral-mini-latest"],
    created: "2025-07-15",
    capabilities: caps({ audio: true, audio_transcription: true }),
    max_context_length: 32768,
    description: "A small model for audio chat and transcription.",
  },
  {
    names: ["voxtral-mini-2602", "voxtral-mini-transcribe-latest"],
    created: "2026-02-04",
    capabilities: caps({ completion_chat: false, audio_transcription: true }),
    max_context_length: 32768,
    description: "Speech-to-text transcription.",
  },
  {
    names: ["mistral-ocr-2505", "mistral-ocr-latest"],
    created: "2025-05-22",
    capabilities: caps({ completion_chat: false, ocr: true }),
    max_context_length: 32768,
    description: "Document understanding: text, tables and images out of PDFs and pictures.",
  },
  {
    names: ["mistral-moderation-2603", "mistral-moderation-latest"],
    created: "2026-03-10",
    capabilities: caps({ completion_chat: false, moderation: true, classification: true }),
    max_context_length: 32768,
    description: "Classifies text and conversations against moderation categories.",
  },
  {
    names: ["mistral-embed-2312", "mistral-embed"],
    created: "2023-12-11",
    capabilities: caps({ completion_chat: false }),
    max_context_length: 8192,
    description: "Our semantic model for extracting representations of text.",
  },
  {
    names: ["codestral-embed-2505", "codestral-embed"],
    created: "2025-05-28",
    capabilities: caps({ completion_chat: false }),
    max_context_length: 8192,
    description: "Embeddings specialised for code (up to 3072 dimensions).",
  },
  // Retired models, still listed with their deprecation date and replacement. The sandbox keeps
  // answering them (fine-tuned models of 2024 were trained from them).
  {
    names: ["mistral-moderation-2411"],
    created: "2024-11-06",
    capabilities: caps({ completion_chat: false, moderation: true, classification: true }),
    max_context_length: 8192,
    description: "Our first moderation model.",
    deprecation: "2026-06-30T12:00:00Z",
    replacement: "mistral-moderation-latest",
  },
  {
    names: ["open-mistral-7b", "mistral-tiny", "mistral-tiny-2312"],
    created: "2023-09-27",
    capabilities: caps({}),
    max_context_length: 32768,
    description: "Our first dense model released September 2023.",
    deprecation: RETIRED,
    replacement: "ministral-8b-latest",
  },
  {
    names: ["open-mixtral-8x7b", "mistral-small-2312"],
    created: "2023-12-11",
    capabilities: caps(chatFc),
    max_context_length: 32768,
    description: "Our first sparse mixture-of-experts released December 2023.",
    deprecation: RETIRED,
    replacement: "mistral-small-latest",
  },
  {
    names: ["open-mixtral-8x22b", "open-mixtral-8x22b-2404"],
    created: "2024-04-17",
    capabilities: caps(chatFc),
    max_context_length: 65536,
    description: "Our open sparse mixture-of-experts released April 2024.",
    deprecation: RETIRED,
    replacement: "mistral-small-latest",
  },
  {
    names: ["mistral-small-2402"],
    created: "2024-02-26",
    capabilities: caps(chatFc),
    max_context_length: 32768,
    description: "Our enterprise-grade small model released February 2024.",
    deprecation: "2024-12-02T12:00:00Z",
    replacement: "mistral-small-latest",
  },
  {
    names: ["mistral-medium-2312"],
    created: "2023-12-11",
    capabilities: caps({}),
    max_context_length: 32768,
    description: "Our first commercial model released December 2023.",
    deprecation: "2024-11-30T12:00:00Z",
    replacement: "mistral-medium-latest",
  },
  {
    names: ["mistral-large-2402"],
    created: "2024-02-26",
    capabilities: caps(chatFc),
    max_context_length: 32768,
    description: "Our first flagship model released February 2024.",
    deprecation: "2024-11-30T12:00:00Z",
    replacement: "mistral-large-latest",
  },
  {
    names: ["mistral-large-2407"],
    created: "2024-07-24",
    capabilities: caps(chatFc),
    max_context_length: 131072,
    description: "Our top-tier model for high-complexity tasks released July 2024.",
    deprecation: "2025-03-30T12:00:00Z",
    replacement: "mistral-large-latest",
  },
  {
    names: ["codestral-2405"],
    created: "2024-05-29",
    capabilities: caps({ completion_fim: true }),
    max_context_length: 32768,
    description: "Our first model for coding released May 2024.",
    deprecation: "2025-05-31T12:00:00Z",
    replacement: "codestral-latest",
  },
  {
    names: [
      "open-mistral-nemo-2407",
      "open-mistral-nemo",
      "mistral-tiny-2407",
      "mistral-tiny-latest",
    ],
    created: "2024-07-18",
    capabilities: caps(chatFc),
    max_context_length: 131072,
    description: "Our multilingual open source model released July 2024.",
    deprecation: "2026-03-31T12:00:00Z",
    replacement: "ministral-8b-latest",
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
    deprecation_replacement_model: f.replacement ?? null,
    default_model_temperature: f.temperature ?? null,
    job: null,
    kind: "base",
    family: f.names[0],
  })),
);

const byId = new Map(BASE_MODELS.map((m) => [m.id, m]));

export function findBaseModel(id: string): SandboxModel | undefined {
  return byId.get(id);
}

/** Base models a fine-tuning job may start from (those whose card says `fine_tuning`). */
export const FINE_TUNEABLE = BASE_MODELS.filter((m) => m.capabilities.fine_tuning).map((m) => m.id);

/** The BaseModelCard the API answers for a base model. */
export function toModelCard(m: SandboxModel): BaseModelCard {
  return {
    id: m.id,
    object: "model",
    created: m.created,
    owned_by: m.owned_by,
    capabilities: { ...m.capabilities },
    name: m.name,
    description: m.description,
    max_context_length: m.max_context_length,
    aliases: m.aliases,
    deprecation: m.deprecation,
    deprecation_replacement_model: m.deprecation_replacement_model,
    default_model_temperature: m.default_model_temperature,
    type: "base",
  };
}

/** The FTModelCard GET /v1/models answers for a fine-tuned model. */
export function toFTModelCard(m: SandboxModel): FTModelCard {
  return {
    id: m.id,
    object: "model",
    created: m.created,
    owned_by: m.owned_by,
    capabilities: { ...m.capabilities },
    name: m.name,
    description: m.description,
    max_context_length: m.max_context_length,
    aliases: m.aliases,
    deprecation: null,
    deprecation_replacement_model: null,
    default_model_temperature: null,
    type: "fine-tuned",
    job: m.job ?? "",
    root: m.root ?? m.family,
    archived: m.archived,
  };
}

export function toApiModel(m: SandboxModel): BaseModelCard | FTModelCard {
  return m.kind === "base" ? toModelCard(m) : toFTModelCard(m);
}
