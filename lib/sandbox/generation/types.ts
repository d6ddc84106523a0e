import type { SandboxModel } from "../models";

/** What the sandbox gives a generation: the client's signal, the pace, the models, the counters. */
export interface GenerationContext {
  /** Fires when the client goes away. */
  signal: AbortSignal;
  /** Pace of streamed tokens. */
  tokensPerSecond: number;
  /** undefined = unknown or deleted model. */
  getModel(id: string): SandboxModel | undefined;
  /** Called exactly once when a stream's client went away before the end. */
  onAbort(): void;
  /** Active-generation accounting, called around every generation. */
  onStart?(): void;
  onEnd?(): void;
}
