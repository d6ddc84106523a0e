// Friendly names for the SEED spec's schemas (lib/mistral/specs/seed-openapi.yaml, generated into
// seed-schema.gen.ts by `npm run gen:types`): the shapes the sandbox still answers in. Everything
// else uses ./types (today's API).
import type { components, paths } from "./seed-schema.gen";

export type { components, paths };
type S = components["schemas"];

export type ModelCard = S["ModelCard"];
export type ModelList = S["ModelList"];
export type FTModelOut = S["FTModelOut"];
export type UploadFileOut = S["UploadFileOut"];
export type FileSchema = S["FileSchema"];
export type ListFilesOut = S["ListFilesOut"];
export type JobIn = S["JobIn"];
export type JobOut = S["JobOut"];
export type JobsOut = S["JobsOut"];
export type DetailedJobOut = S["DetailedJobOut"];
export type LegacyJobMetadataOut = S["LegacyJobMetadataOut"];
export type CheckpointOut = S["CheckpointOut"];
export type EventOut = S["EventOut"];
export type ChatCompletionRequest = S["ChatCompletionRequest"];
export type ChatCompletionResponse = S["ChatCompletionResponse"];
export type FIMCompletionRequest = S["FIMCompletionRequest"];
export type FIMCompletionResponse = S["FIMCompletionResponse"];
export type AgentsCompletionRequest = S["AgentsCompletionRequest"];
export type CompletionChunk = S["CompletionChunk"];
export type EmbeddingRequest = S["EmbeddingRequest"];
export type EmbeddingResponse = S["EmbeddingResponse"];
export type UsageInfo = S["UsageInfo"];
export type Tool = S["Tool"];
export type ToolCall = S["ToolCall"];
export type JobStatus = DetailedJobOut["status"];
