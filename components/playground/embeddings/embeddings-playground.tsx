"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, textareaClass } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { api, unwrap } from "@/lib/api/client";
import { formatNumber } from "@/lib/format";
import { useModels } from "@/lib/api/hooks/use-models";
import type { EmbeddingResponse } from "@/lib/mistral/types";
import { similarityMatrix } from "@/lib/playground/cosine";
import { newId } from "@/lib/playground/types";
import { download } from "@/lib/ui/download";
import { ViewCodeButton } from "../code-dialog";
import { ModelSelect, usableModels } from "../model-select";
import { HeatMap } from "./heat-map";

const EXAMPLES = [
  "The cat sat on the mat.",
  "A kitten was sitting on the rug.",
  "Quarterly revenue grew by 12 percent.",
];

interface Row {
  id: string;
  text: string;
}

interface Result {
  texts: string[];
  response: EmbeddingResponse;
  vectors: number[][];
  matrix: number[][];
}

export function EmbeddingsPlayground({ initialModel }: { initialModel?: string } = {}) {
  const models = useModels();
  const [chosen, setChosen] = useState(initialModel ?? "");
  const usable = usableModels(models.data, "embeddings");
  const model = chosen || (usable.find((m) => m.id === "mistral-embed") ?? usable[0])?.id || "";
  const [rows, setRows] = useState<Row[]>(() => EXAMPLES.map((text) => ({ id: newId("r"), text })));
  const texts = rows.map((r) => r.text).filter((t) => t.trim() !== "");

  const embed = useMutation({
    mutationFn: async (input: string[]): Promise<Result> => {
      const response = (await unwrap(
        api.POST("/v1/embeddings", { body: { model, input } }),
      )) as EmbeddingResponse;
      const vectors = [...(response.data ?? [])]
        .sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
        .map((d) => d.embedding ?? []);
      return { texts: input, response, vectors, matrix: similarityMatrix(vectors) };
    },
  });
  const result = embed.data;

  const exportVectors = () => {
    if (!result) return;
    const json = JSON.stringify(
      {
        model: result.response.model,
        usage: result.response.usage,
        data: result.texts.map((text, i) => ({ index: i, text, embedding: result.vectors[i] })),
      },
      null,
      2,
    );
    download({ fileName: "embeddings.json", text: json, type: "application/json" });
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
      <section aria-label="Texts" className="flex flex-col gap-4">
        <ModelSelect value={model} onChange={setChosen} task="embeddings" />
        <ol className="flex flex-col gap-3">
          {rows.map((r, i) => (
            <li key={r.id} className="flex items-start gap-2">
              <Field label={`Text ${i + 1}`} className="flex-1">
                {(ids) => (
                  <textarea
                    {...ids}
                    className={`${textareaClass} min-h-14`}
                    value={r.text}
                    onChange={(e) =>
                      setRows((rs) =>
                        rs.map((x) => (x.id === r.id ? { ...x, text: e.target.value } : x)),
                      )
                    }
                  />
                )}
              </Field>
              <Button
                size="sm"
                variant="ghost"
                className="mt-6"
                aria-label={`Remove text ${i + 1}`}
                disabled={rows.length <= 1}
                onClick={() => setRows((rs) => rs.filter((x) => x.id !== r.id))}
              >
                ✕
              </Button>
            </li>
          ))}
        </ol>
        <div className="flex flex-wrap gap-2">
          <Button onClick={() => setRows((rs) => [...rs, { id: newId("r"), text: "" }])}>
            Add text
          </Button>
          <Button
            variant="primary"
            disabled={!model || texts.length === 0 || embed.isPending}
            onClick={() => embed.mutate(texts)}
          >
            {embed.isPending ? "Embedding…" : "Embed"}
          </Button>
          <ViewCodeButton
            size="md"
            request={() => ({ kind: "embeddings", body: { model, input: texts } })}
            disabled={!model || texts.length === 0}
          />
        </div>
        {texts.length === 0 && <p className="text-xs text-muted">Write at least one text.</p>}
      </section>

      <section aria-label="Embeddings result" className="flex min-w-0 flex-col gap-4">
        {embed.error ? (
          <ErrorState error={embed.error} onRetry={() => embed.mutate(texts)} />
        ) : !result ? (
          <div className="rounded-lg border border-dashed border-border px-6 py-12 text-center text-sm text-muted">
            Embed two texts or more to compare them: each pair gets its cosine similarity, from −1
            (opposite) to 1 (same meaning).
          </div>
        ) : (
          <>
            <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
              <div className="flex gap-1.5">
                <dt className="text-muted">Model</dt>
                <dd className="font-medium">{result.response.model}</dd>
              </div>
              <div className="flex gap-1.5">
                <dt className="text-muted">Dimension</dt>
                <dd className="font-medium tabular-nums">
                  {formatNumber(result.vectors[0]?.length)}
                </dd>
              </div>
              <div className="flex gap-1.5">
                <dt className="text-muted">Texts</dt>
                <dd className="font-medium tabular-nums">{result.vectors.length}</dd>
              </div>
              <div className="flex gap-1.5">
                <dt className="text-muted">Tokens</dt>
                <dd className="font-medium tabular-nums">
                  {formatNumber(result.response.usage?.total_tokens)}
                </dd>
              </div>
            </dl>
            <HeatMap labels={result.texts} matrix={result.matrix} />
            <Button className="self-start" onClick={exportVectors}>
              Export vectors (JSON)
            </Button>
          </>
        )}
      </section>
    </div>
  );
}
