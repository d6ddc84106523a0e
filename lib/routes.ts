// The console's pages, one helper each, so a link is written by name (`routes.job(id)`) and a
// page's address or parameters change in one place. Query values are percent-encoded; empty ones
// are left out.

type Query = Record<string, string | undefined>;

function withQuery(path: string, query: Query = {}): string {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string] => !!entry[1])
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
  return pairs.length ? `${path}?${pairs.join("&")}` : path;
}

export const routes = {
  home: () => "/",
  signIn: ({ next }: { next?: string } = {}) =>
    withQuery("/sign-in", { next: next === "/sign-in" ? undefined : next }),
  setup: () => "/setup",

  /** The chat playground, with `model` chosen, or in agent mode with the agent `agent`. */
  playground: ({ model, agent }: { model?: string; agent?: string } = {}) =>
    withQuery("/playground", { model, agent }),
  /** The FIM playground, with `model` chosen. */
  fim: ({ model }: { model?: string } = {}) => withQuery("/playground/fim", { model }),
  /** The embeddings playground, with `model` chosen. */
  embeddings: ({ model }: { model?: string } = {}) =>
    withQuery("/playground/embeddings", { model }),

  /** The files, filtered by `q` (a name or an id). */
  files: ({ q }: { q?: string } = {}) => withQuery("/files", { q }),

  jobs: () => "/fine-tuning",
  job: (id: string) => `/fine-tuning/${encodeURIComponent(id)}`,
  /** The new-job wizard, filled from the job `clone`, or with `file` chosen for training. */
  newJob: ({ clone, file }: { clone?: string; file?: string } = {}) =>
    withQuery("/fine-tuning/new", { clone, file }),
  /** Several jobs' curves side by side. */
  compareJobs: (ids: readonly string[]) =>
    `/fine-tuning/compare?jobs=${ids.map(encodeURIComponent).join(",")}`,

  /** The models, filtered by `q` (a name or an id). */
  models: ({ q }: { q?: string } = {}) => withQuery("/models", { q }),
  // Model ids are "ft:base:suffix:date:hex": the colons stay readable in the address.
  model: (id: string) => `/models/${encodeURIComponent(id).replace(/%3A/gi, ":")}`,

  /** The batch jobs, filtered by `status` (comma-separated); a new job from the uploaded `file`. */
  batch: ({ status, file }: { status?: string; file?: string } = {}) =>
    withQuery("/batch", { status, file }),
  batchJob: (id: string) => `/batch/${encodeURIComponent(id)}`,
  /** OCR, of the uploaded `file` if given. */
  ocr: ({ file }: { file?: string } = {}) => withQuery("/ocr", { file }),
  /** Transcription, of the uploaded `file` if given. */
  audio: ({ file }: { file?: string } = {}) => withQuery("/audio", { file }),

  agents: () => "/agents",

  usage: () => "/usage",
  /** What the signed-in user has used, and what their budgets leave. */
  myUsage: () => "/usage/me",
  tokens: () => "/settings/tokens",
  users: () => "/admin/users",
  audit: () => "/admin/audit",
  teams: () => "/admin/teams",
  prices: () => "/admin/prices",
  budgets: () => "/admin/budgets",
  /** Identity-provider groups → teams and roles. */
  sso: () => "/admin/sso",
} as const;
