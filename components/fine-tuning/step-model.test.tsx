// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FormProvider, useForm } from "react-hook-form";
import { afterEach, describe, expect, it, vi } from "vitest";
import { zodResolver } from "@hookform/resolvers/zod";
import { api } from "@/lib/api/client";
import { modelKeys } from "@/lib/api/hooks/use-models";
import { emptyJobForm, jobFormSchemaFor, type JobForm } from "@/lib/fine-tuning/form";
import { StepModel } from "./step-model";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const DAY = 86_400_000;
const later = new Date(Date.now() + 30 * DAY).toISOString();
const card = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  object: "model",
  type: "base",
  capabilities: { completion_chat: true, fine_tuning: true },
  aliases: [],
  ...over,
});
// Two names of one model, one model retiring later, one retired, one that cannot be tuned.
const MODELS = [
  card("mistral-small-2603", {
    aliases: ["mistral-small-latest"],
    description: "Our small model.",
  }),
  card("mistral-small-latest", { aliases: ["mistral-small-2603"] }),
  card("ministral-8b-2410", {
    deprecation: later,
    deprecation_replacement_model: "ministral-8b-latest",
  }),
  card("open-mistral-7b", { deprecation: "2025-03-30T12:00:00Z" }),
  card("mistral-embed", { capabilities: { completion_chat: false } }),
];

function Form({ values, children }: { values: JobForm; children: React.ReactNode }) {
  const form = useForm<JobForm>({
    defaultValues: values,
    mode: "onChange",
    resolver: zodResolver(jobFormSchemaFor()) as never,
  });
  return <FormProvider {...form}>{children}</FormProvider>;
}

function renderStep(models: unknown[] | null, over: Partial<JobForm> = {}) {
  const client = new QueryClient({
    defaultOptions: { queries: { staleTime: Infinity, retry: false } },
  });
  if (models) client.setQueryData(modelKeys.list, models);
  render(
    <QueryClientProvider client={client}>
      <Form values={{ ...emptyJobForm(), ...over }}>
        <StepModel />
      </Form>
    </QueryClientProvider>,
  );
}

const baseModels = () =>
  within(screen.getByRole("group", { name: "Which model do you want to fine-tune?" }));

describe("the base model step", () => {
  it("offers what /v1/models can fine-tune, one choice per model, by its -latest name", () => {
    renderStep(MODELS);
    const radios = baseModels()
      .getAllByRole("radio")
      .map((r) => (r as HTMLInputElement).value);
    expect(radios).toEqual(["mistral-small-latest", "ministral-8b-2410"]);
    expect(baseModels().getByText("also mistral-small-2603")).toBeTruthy();
    expect(baseModels().getByText("Our small model.")).toBeTruthy();
  });

  it("marks a model retiring later with its date and replacement; a retired one is not offered", () => {
    renderStep(MODELS);
    const choice = baseModels().getByRole("radio", { name: /ministral-8b-2410/ });
    expect(choice.closest("label")!.textContent).toContain(
      `Retires on ${later.slice(0, 10)}: use ministral-8b-latest`,
    );
    expect(baseModels().queryByRole("radio", { name: /open-mistral-7b/ })).toBeNull();
  });

  it("selects a model by any of its names", () => {
    renderStep(MODELS, { model: "mistral-small-2603" });
    expect(baseModels().getByRole("radio", { name: /mistral-small-latest/ })).toHaveProperty(
      "checked",
      true,
    );
  });

  it("says when no model can be fine-tuned", () => {
    renderStep([card("mistral-embed", { capabilities: {} })]);
    expect(screen.getByText("No model can be fine-tuned here")).toBeTruthy();
  });

  it("says when the models cannot be loaded, and retries", async () => {
    const get = vi.spyOn(api, "GET").mockResolvedValue({
      error: { message: "upstream down" },
      response: new Response(null, { status: 503 }),
    } as never);
    renderStep(null);
    expect(screen.getByText("Loading the fine-tunable models…")).toBeTruthy();
    const alert = await screen.findByRole("alert");
    get.mockResolvedValue({
      data: { object: "list", data: MODELS },
      response: new Response(),
    } as never);
    fireEvent.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(await screen.findByRole("radio", { name: /mistral-small-latest/ })).toBeTruthy();
  });
});

describe("the job type and classifier targets", () => {
  it("shows the targets editor for a classifier only; targets are added, removed and checked", async () => {
    renderStep(MODELS);
    expect(screen.queryByRole("group", { name: "Classifier targets" })).toBeNull();
    fireEvent.click(screen.getByRole("radio", { name: /Classifier/ }));
    const editor = screen.getByRole("group", { name: "Classifier targets" });
    // One empty target to start with: it cannot be removed (a classifier needs one).
    expect(within(editor).getAllByRole("listitem", { name: /^Target/ })).toHaveLength(1);
    expect(within(editor).queryByRole("button", { name: /^Remove/ })).toBeNull();

    const first = within(editor).getByRole("listitem", { name: "Target 1" });
    fireEvent.change(within(first).getByRole("textbox", { name: "Target name" }), {
      target: { value: "topic" },
    });
    const topic = within(editor).getByRole("listitem", { name: "Target 1" });
    fireEvent.change(within(topic).getByRole("textbox", { name: "Labels" }), {
      target: { value: "sport, politics, sport" },
    });
    expect(await within(topic).findByText('The label "sport" is listed twice.')).toBeTruthy();
    const chips = within(topic).getByRole("list", { name: "Labels of Target 1" });
    expect(
      within(chips)
        .getAllByRole("listitem")
        .map((c) => c.textContent),
    ).toEqual(["sport", "politics", "sport"]);
    fireEvent.change(within(topic).getByRole("textbox", { name: "Labels" }), {
      target: { value: "sport, politics" },
    });
    await waitFor(() => expect(within(topic).queryByText(/listed twice/)).toBeNull());

    fireEvent.click(within(editor).getByRole("button", { name: "Add a target" }));
    const second = within(editor).getByRole("listitem", { name: "Target 2" });
    fireEvent.change(within(second).getByRole("textbox", { name: "Target name" }), {
      target: { value: "topic" },
    });
    expect(
      await within(editor).findByText('Another target is already named "topic".'),
    ).toBeTruthy();
    fireEvent.click(within(editor).getByRole("button", { name: "Remove Target 2" }));
    expect(within(editor).getAllByRole("listitem", { name: /^Target/ })).toHaveLength(1);
    expect(within(editor).getByRole("combobox", { name: "Loss function" })).toHaveProperty(
      "value",
      "single_class",
    );
  });
});
