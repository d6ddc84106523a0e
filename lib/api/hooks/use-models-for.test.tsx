// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { BASE_MODELS, toApiModel } from "@/lib/sandbox/models";
import { modelKeys } from "./use-models";
import { useModelsFor } from "./use-models-for";

/** GET /v1/models as already answered: the sandbox's catalogue plus one archived fine-tune. */
function withModels(data: unknown[] | undefined) {
  const qc = new QueryClient({
    defaultOptions: { queries: { staleTime: Infinity, retry: false, enabled: !!data } },
  });
  if (data) qc.setQueryData(modelKeys.list, data);
  return function Wrapper({ children }: { children: ReactNode }) {
    return <QueryClientProvider client={qc}>{children}</QueryClientProvider>;
  };
}
const catalogue = [
  ...BASE_MODELS.map(toApiModel),
  {
    id: "ft:mistral-ocr-latest:old",
    type: "fine-tuned",
    capabilities: { ocr: true },
    job: "j",
    root: "mistral-ocr-latest",
    archived: true,
  },
];

describe("useModelsFor", () => {
  it("offers the capable, current, unarchived models and preselects the -latest one", () => {
    const { result } = renderHook(() => useModelsFor("ocr"), { wrapper: withModels(catalogue) });
    expect(result.current.models.map((m) => m.id)).toEqual([
      "mistral-ocr-2505",
      "mistral-ocr-latest",
    ]);
    expect(result.current.preferred?.id).toBe("mistral-ocr-latest");
  });

  it("offers no retired model", () => {
    const { result } = renderHook(() => useModelsFor("fine_tuning"), {
      wrapper: withModels(catalogue),
    });
    const ids = result.current.models.map((m) => m.id);
    expect(ids).toContain("mistral-small-latest");
    expect(ids).not.toContain("open-mistral-7b");
    expect(ids).not.toContain("mistral-large-2407");
  });

  it("offers nothing while the list is loading", () => {
    const { result } = renderHook(() => useModelsFor("chat"), { wrapper: withModels(undefined) });
    expect(result.current.query.isPending).toBe(true);
    expect(result.current.models).toEqual([]);
    expect(result.current.preferred).toBeNull();
  });
});
