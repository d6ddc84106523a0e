// Friendly names for today's API schemas (lib/mistral/openapi.gen.yaml, generated into
// schema.gen.ts by `npm run gen`). Several are unions today where the seed had one shape: a model
// card is a base or a fine-tuned one, a job a completion or a classifier one.
import type { components, paths } from "./schema.gen";

export type { components, paths };
type S = components["schemas"];

export type ModelCard = S["BaseModelCard"] | S["FTModelCard"];
export type ModelList = S["ModelList"];
/** What updating a fine-tuned model answers. */
export type FTModelOut = S["CompletionFineTunedModel"] | S["ClassifierFineTunedModel"];
export type UploadFileOut = S["CreateFileResponse"];
export type FileSchema = S["FileSchema"];
export type ListFilesOut = S["ListFilesResponse"];
export type JobIn = S["JobIn"];
export type JobOut = S["CompletionJobOut"] | S["ClassifierJobOut"];
export type JobsOut = S["JobsOut"];
export type DetailedJobOut = S["CompletionDetailedJobOut"] | S["ClassifierDetailedJobOut"];
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
