// @vitest-environment jsdom
import { QueryClient, QueryClientProvider, type UseQueryResult } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import { FormProvider, useForm } from "react-hook-form";
import { afterEach, describe, expect, it } from "vitest";
import { emptyJobForm, type JobForm } from "@/lib/fine-tuning/form";
import type { LegacyJobMetadataOut } from "@/lib/mistral/types";
import { StepHyperparameters } from "./step-hyperparameters";
import { StepReview } from "./step-review";

afterEach(cleanup);

const sized = (epochs: number) =>
  ({
    isPending: false,
    isError: false,
    isSuccess: true,
    data: {
      expected_duration_seconds: 120,
      cost: 5.24,
      cost_currency: "USD",
      train_tokens_per_step: 131072,
      train_tokens: 2621440,
      data_tokens: 2135,
      training_steps: 20,
      epochs,
    },
  }) as unknown as UseQueryResult<LegacyJobMetadataOut>;

function Form({ values, children }: { values: JobForm; children: React.ReactNode }) {
  const form = useForm<JobForm>({ defaultValues: values });
  return <FormProvider {...form}>{children}</FormProvider>;
}

function renderWith(
  ui: React.ReactNode,
  over: Partial<JobForm> = {},
  hp: Partial<JobForm["hyperparameters"]> = {},
) {
  const base = emptyJobForm();
  const values: JobForm = {
    ...base,
    model: "mistral-small-latest",
    training_files: [{ file_id: "f1", weight: "1" }],
    ...over,
    hyperparameters: { ...base.hyperparameters, training_steps: "20", ...hp },
  };
  render(
    <QueryClientProvider client={new QueryClient()}>
      <Form values={values}>{ui}</Form>
    </QueryClientProvider>,
  );
}

describe("the review step", () => {
  it("warns, without blocking, when the dry run makes far too many epochs, and says why", () => {
    renderWith(<StepReview problems={{}} dryRun={sized(1227.84)} goTo={() => {}} />);
    const note = screen.getByRole("note", { name: "Too many epochs" });
    expect(note.textContent).toContain("1,227.84 epochs");
    expect(note.textContent).toContain("over-fitting");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says nothing for a few epochs", () => {
    renderWith(<StepReview problems={{}} dryRun={sized(3)} goTo={() => {}} />);
    expect(screen.queryByRole("note", { name: "Too many epochs" })).toBeNull();
  });

  it("shows the cost once, with its currency, and no separate Currency line", () => {
    renderWith(<StepReview problems={{}} dryRun={sized(3)} goTo={() => {}} />);
    const figures = screen.getByLabelText("Dry-run figures");
    expect(figures.textContent).toContain("$5.24");
    expect(figures.textContent).not.toContain("Currency");
    expect(figures.textContent!.match(/\$5\.24/g)).toHaveLength(1);
  });

  it("says the job starts on its own once validated (the default), and how not to", () => {
    renderWith(<StepReview problems={{}} dryRun={sized(3)} goTo={() => {}} />);
    expect(screen.getByText(/The job starts on its own once validated; untick/)).toBeTruthy();
  });
});

describe("the review of a classifier job", () => {
  it("shows the job type and each target with its labels, weight and loss", () => {
    renderWith(<StepReview problems={{}} dryRun={sized(3)} goTo={() => {}} />, {
      job_type: "classifier",
      classifier_targets: [
        { name: "topic", labels: "sport, politics", weight: "2", loss_function: "single_class" },
        { name: "tone", labels: "calm,angry", weight: "1", loss_function: "multi_class" },
      ],
    });
    expect(screen.getByText("Job type").nextSibling?.textContent).toBe("Classifier");
    const targets = screen.getByRole("list", { name: "Classifier targets" });
    const items = [...targets.querySelectorAll("li")].map((li) => li.textContent);
    expect(items).toEqual([
      "topic: sport, politics · weight 2 · Single class (one label per sample)",
      "tone: calm, angry · weight 1 · Multi class (any number of labels)",
    ]);
    expect(screen.queryByText("Repositories")).toBeNull();
  });

  it("a completion job shows its type and no targets", () => {
    renderWith(<StepReview problems={{}} dryRun={sized(3)} goTo={() => {}} />);
    expect(screen.getByText("Job type").nextSibling?.textContent).toBe("Completion");
    expect(screen.queryByRole("list", { name: "Classifier targets" })).toBeNull();
  });
});

describe("the hyperparameters step", () => {
  it("warns when the epochs typed are far above what guides advise", () => {
    renderWith(<StepHyperparameters />, { length: "epochs" }, { epochs: "40" });
    expect(screen.getByRole("note", { name: "Too many epochs" }).textContent).toContain(
      "40 epochs",
    );
  });

  it("warns when the steps typed make far too many epochs on this data", () => {
    renderWith(<StepHyperparameters stepsEpochs={1227.84} />);
    expect(screen.getByText(/20 steps make 1,227.84 epochs/)).toBeTruthy();
    expect(screen.getByRole("note", { name: "Too many epochs" })).toBeTruthy();
  });

  it("says nothing for 3 epochs", () => {
    renderWith(<StepHyperparameters />, { length: "epochs" }, { epochs: "3" });
    expect(screen.queryByRole("note")).toBeNull();
  });
});
