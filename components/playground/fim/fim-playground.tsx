"use client";

import dynamic from "next/dynamic";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useModels } from "@/lib/api/hooks/use-models";
import { buildFimRequest } from "@/lib/playground/request";
import { DEFAULT_PARAMS, type ChatParams } from "@/lib/playground/types";
import { ViewCodeButton } from "../code-dialog";
import { MetricsLine } from "../metrics-line";
import { ModelSelect, usableModels } from "../model-select";
import { ParamsPanel } from "../params-panel";
import { RunError } from "../run-error";
import { useRunView, useStreamRun } from "../use-stream-run";
import { CODE_LANGUAGES, type CodeLanguage } from "./languages";

// CodeMirror is the heaviest part of the playground: it loads only on this page.
const CodeEditor = dynamic(() => import("./code-editor"), {
  ssr: false,
  loading: () => (
    <div className="h-32 animate-pulse rounded-md border border-border bg-surface-2" aria-hidden />
  ),
});

const PREFERRED = "codestral-latest";

const EXAMPLE = {
  prompt: "def fibonacci(n: int) -> int:\n",
  suffix: "\n\nprint(fibonacci(10))\n",
};

/** The last lines of the prompt and first lines of the suffix, to show the completion in place. */
function tail(text: string, lines: number) {
  return text.split("\n").slice(-lines).join("\n");
}
function head(text: string, lines: number) {
  return text.split("\n").slice(0, lines).join("\n");
}

export function FimPlayground({ initialModel }: { initialModel?: string } = {}) {
  const models = useModels();
  const [chosen, setChosen] = useState(initialModel ?? "");
  const usable = usableModels(models.data, "fim");
  const model = chosen || (usable.find((m) => m.id === PREFERRED) ?? usable[0])?.id || "";
  const [language, setLanguage] = useState<CodeLanguage>("python");
  const [prompt, setPrompt] = useState(EXAMPLE.prompt);
  const [suffix, setSuffix] = useState(EXAMPLE.suffix);
  const [params, setParams] = useState<ChatParams>({ ...DEFAULT_PARAMS });
  const [asked, setAsked] = useState<{ prompt: string; suffix: string } | null>(null);
  const run = useStreamRun();
  const view = useRunView(run.store);
  const promptHint = useId();
  const suffixHint = useId();

  const request = () => buildFimRequest({ model, prompt, suffix, params });
  const complete = async () => {
    if (!model || run.streaming) return;
    setAsked({ prompt, suffix });
    const req = request();
    await run.run(req.path, req.body, model);
  };
  const completion = view.answer.content;
  const canAccept = !run.streaming && completion !== "" && asked?.prompt === prompt;
  const accept = () => {
    setPrompt(prompt + completion);
    run.reset();
    setAsked(null);
  };
  const fieldError = (f: string) =>
    view.error?.status === 422 ? view.error.fieldMessage(f) : undefined;

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_19rem]">
      <section aria-label="Code" className="flex min-w-0 flex-col gap-4">
        <div className="grid gap-3 sm:grid-cols-[1fr_12rem]">
          <ModelSelect
            value={model}
            onChange={setChosen}
            task="fim"
            error={fieldError("model")}
            description={
              !models.isPending && usable.length === 0
                ? "No model here can fill in the middle (FIM needs a Codestral model)."
                : undefined
            }
          />
          <Field label="Language" description="Highlighting in the editors.">
            {(ids) => (
              <select
                {...ids}
                className={inputClass}
                value={language}
                onChange={(e) => setLanguage(e.target.value as CodeLanguage)}
              >
                {CODE_LANGUAGES.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>

        <div className="flex flex-col gap-1">
          <span className="text-sm font-medium">Prompt</span>
          <CodeEditor
            value={prompt}
            onChange={setPrompt}
            language={language}
            label="Prompt"
            describedBy={promptHint}
          />
          <p id={promptHint} className="text-xs text-muted">
            The code before the gap. The completion continues from its end.
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <span className="text-sm font-medium">Suffix</span>
          <CodeEditor
            value={suffix}
            onChange={setSuffix}
            language={language}
            label="Suffix"
            describedBy={suffixHint}
            minHeight="5rem"
          />
          <p id={suffixHint} className="text-xs text-muted">
            The code after the gap (optional). The model writes what fits between the two.
          </p>
        </div>

        <div className="flex flex-wrap items-center gap-2">
          {run.streaming ? (
            <Button key="stop" variant="danger" onClick={run.stop}>
              Stop
            </Button>
          ) : (
            <Button key="complete" variant="primary" onClick={complete} disabled={!model}>
              Complete
            </Button>
          )}
          <ViewCodeButton
            size="md"
            request={() => ({ kind: "fim", body: request().body })}
            disabled={!model}
          />
        </div>

        {view.status !== "idle" && asked && (
          <section
            aria-label="Completion"
            className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-3"
          >
            <div className="flex items-center justify-between gap-2">
              <h2 className="text-sm font-semibold">
                Completion
                {run.streaming && <span className="font-normal text-muted"> · streaming</span>}
              </h2>
              <div className="flex gap-2">
                <Button size="sm" variant="primary" disabled={!canAccept} onClick={accept}>
                  Accept
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  disabled={run.streaming}
                  onClick={() => {
                    run.reset();
                    setAsked(null);
                  }}
                >
                  Discard
                </Button>
              </div>
            </div>
            <pre className="overflow-x-auto rounded-md border border-border bg-surface-2 p-3 font-mono text-xs leading-relaxed">
              <span className="text-muted">{tail(asked.prompt, 6)}</span>
              <mark data-testid="fim-completion" className="bg-accent-soft text-text">
                {completion}
              </mark>
              <span className="text-muted">{head(asked.suffix, 6)}</span>
            </pre>
            {!run.streaming && completion === "" && !view.error && (
              <p className="text-xs text-muted">The model had nothing to add here.</p>
            )}
            {asked.prompt !== prompt && !run.streaming && completion !== "" && (
              <p className="text-xs text-muted">
                The prompt changed since this completion; complete again to accept.
              </p>
            )}
            {view.metrics && <MetricsLine metrics={view.metrics} />}
          </section>
        )}
        {view.error && (
          <RunError
            key={view.error.message}
            error={view.error}
            keptPartial={completion !== ""}
            onRetry={view.error.kind === "aborted" ? undefined : complete}
          />
        )}
      </section>

      <aside aria-label="Parameters" className="flex flex-col gap-4">
        <h2 className="text-sm font-semibold">Parameters</h2>
        <ParamsPanel
          params={params}
          onChange={setParams}
          errorFor={fieldError}
          only={["temperature", "topP", "maxTokens", "minTokens", "stop", "randomSeed"]}
        />
      </aside>
    </div>
  );
}
