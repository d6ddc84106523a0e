"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass, textareaClass } from "@/components/ui/field";
import { showServerError } from "@/lib/api/form-errors";
import { type Agent, useSaveAgent } from "@/lib/api/hooks/use-agents";
import { useModelsFor } from "@/lib/api/hooks/use-models-for";
import {
  agentFormSchema,
  agentToForm,
  BUILT_IN_TOOLS,
  emptyAgentForm,
  formToAgentRequest,
} from "@/lib/agents/form";

/** Creates an agent (`agent` null) or edits one; closes with the saved agent. */
export function AgentFormDialog({
  agent,
  onClose,
  onSaved,
}: {
  agent: Agent | null;
  onClose: () => void;
  onSaved: (agent: Agent) => void;
}) {
  const chat = useModelsFor("chat");
  const save = useSaveAgent();
  const form = useForm({
    resolver: zodResolver(agentFormSchema),
    defaultValues: agent ? agentToForm(agent) : emptyAgentForm(chat.preferred?.id ?? ""),
  });
  const errors = form.formState.errors;
  const model = useWatch({ control: form.control, name: "model" });
  // A new agent starts on the preferred chat model once the models have loaded.
  const preferred = chat.preferred?.id;
  useEffect(() => {
    if (!agent && preferred && !form.getValues("model")) form.setValue("model", preferred);
  }, [agent, preferred, form]);
  const submit = form.handleSubmit(async (values) => {
    try {
      onSaved(await save.mutateAsync({ id: agent?.id ?? null, body: formToAgentRequest(values) }));
    } catch (error) {
      showServerError(error, ["name", "description", "instructions", "model"], form.setError);
    }
  });
  // An agent's model that is no longer offered (retired) stays choosable, marked as such.
  const listed = chat.models.some((m) => m.id === model);
  return (
    <Dialog
      open
      wide
      onClose={onClose}
      title={agent ? `Edit ${agent.name}` : "New agent"}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            form="agent-form"
            variant="primary"
            disabled={form.formState.isSubmitting}
          >
            {form.formState.isSubmitting ? "Saving…" : agent ? "Save changes" : "Create agent"}
          </Button>
        </>
      }
    >
      <form id="agent-form" onSubmit={submit} noValidate className="flex flex-col gap-4">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field label="Name" error={errors.name?.message}>
            {(ids) => <input {...ids} {...form.register("name")} className={inputClass} />}
          </Field>
          <Field
            label="Model"
            error={
              errors.model?.message ??
              (chat.query.error ? "The models could not be loaded" : undefined)
            }
          >
            {(ids) => (
              <select
                {...ids}
                {...form.register("model")}
                // Controlled: the options arrive after the form's values, and the agent's model
                // must be shown chosen once they do.
                value={model}
                onChange={(e) =>
                  form.setValue("model", e.target.value, {
                    shouldValidate: form.formState.isSubmitted,
                  })
                }
                className={inputClass}
              >
                <option value="">
                  {chat.query.isPending ? "Loading models…" : "Choose a model"}
                </option>
                {model && !listed && !chat.query.isPending && (
                  <option value={model}>{model} (not available)</option>
                )}
                {chat.models.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.id}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label="Description" error={errors.description?.message}>
          {(ids) => <input {...ids} {...form.register("description")} className={inputClass} />}
        </Field>
        <Field
          label="Instructions"
          description="The agent's system prompt: how it behaves in every conversation."
          error={errors.instructions?.message}
        >
          {(ids) => (
            <textarea
              {...ids}
              {...form.register("instructions")}
              rows={5}
              className={textareaClass}
            />
          )}
        </Field>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">Built-in tools</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
            {BUILT_IN_TOOLS.map((t) => (
              <label key={t.type} className="flex items-center gap-1.5">
                <input
                  type="checkbox"
                  value={t.type}
                  {...form.register("builtIn")}
                  className="accent-[var(--accent)]"
                />
                {t.label}
              </label>
            ))}
          </div>
        </fieldset>
        <Field
          label="Document libraries"
          description="Library ids, separated by commas: the agent searches them (document_library tool)."
          error={errors.libraryIds?.message}
        >
          {(ids) => (
            <input
              {...ids}
              {...form.register("libraryIds")}
              className={`${inputClass} font-mono`}
              spellCheck={false}
            />
          )}
        </Field>
        <Field
          label="Function tools (JSON)"
          description='A JSON array of tools, e.g. [{"type": "function", "function": {"name": "get_weather", "parameters": {}}}]. Other tools the agent has are kept here too.'
          error={errors.otherTools?.message}
        >
          {(ids) => (
            <textarea
              {...ids}
              {...form.register("otherTools")}
              rows={4}
              spellCheck={false}
              className={`${textareaClass} font-mono text-xs`}
            />
          )}
        </Field>
        <fieldset className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <legend className="mb-2 text-sm font-medium">Completion arguments</legend>
          <Field label="Temperature" error={errors.temperature?.message}>
            {(ids) => (
              <input
                {...ids}
                {...form.register("temperature")}
                inputMode="decimal"
                placeholder="default"
                className={inputClass}
              />
            )}
          </Field>
          <Field label="Top P" error={errors.topP?.message}>
            {(ids) => (
              <input
                {...ids}
                {...form.register("topP")}
                inputMode="decimal"
                placeholder="default"
                className={inputClass}
              />
            )}
          </Field>
          <Field label="Max tokens" error={errors.maxTokens?.message}>
            {(ids) => (
              <input
                {...ids}
                {...form.register("maxTokens")}
                inputMode="numeric"
                placeholder="default"
                className={inputClass}
              />
            )}
          </Field>
        </fieldset>
        {errors.root?.server && (
          <p role="alert" className="text-sm text-danger">
            {errors.root.server.message}
          </p>
        )}
      </form>
    </Dialog>
  );
}
