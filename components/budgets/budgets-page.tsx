"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Forbidden } from "@/components/auth/forbidden";
import { useCan } from "@/components/auth/session";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { Field, inputClass, inputClassFor } from "@/components/ui/field";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { describeError } from "@/lib/api/errors";
import { showServerError } from "@/lib/api/form-errors";
import {
  useConsoleBudgets,
  useCreateBudget,
  useDeleteBudget,
  useUpdateBudget,
} from "@/lib/api/hooks/use-console-budgets";
import { useConsoleTeams } from "@/lib/api/hooks/use-console-teams";
import { useConsoleTokens } from "@/lib/api/hooks/use-console-tokens";
import { useConsoleUsers } from "@/lib/api/hooks/use-console-users";
import { BUDGET_SCOPES, type BudgetInfo, type BudgetScope } from "@/lib/console/budgets";
import { budgetTitle, LimitBar } from "./budget-bar";
import {
  BUDGET_FIELDS,
  budgetForm,
  budgetFormDefaults,
  type BudgetFormOutput,
  type BudgetFormValues,
} from "./budget-form";
import { budgetState, formatResetsAt, limitsOf, PERIOD_LABELS } from "./format";

const SCOPE_LABELS: Record<BudgetScope, string> = {
  user: "User",
  team: "Team",
  token: "Console token",
};

/** Admins set budgets on users, teams and console tokens, and see where each stands. */
export function BudgetsPage() {
  const allowed = useCan("budgets.manage");
  const toast = useToast();
  const budgets = useConsoleBudgets({ enabled: allowed });
  const [editing, setEditing] = useState<BudgetInfo | "new" | null>(null);
  const [deleting, setDeleting] = useState<BudgetInfo | null>(null);
  const remove = useDeleteBudget();

  const columns: ColumnDef<BudgetInfo>[] = [
    {
      id: "subject",
      accessorFn: (b) => budgetTitle(b),
      header: "For",
      meta: { rowHeader: true, cellClassName: "font-medium" },
      cell: ({ row: { original: b } }) => (
        <span className="flex flex-wrap items-center gap-1.5">
          <Badge>{SCOPE_LABELS[b.scope]}</Badge> {b.subjectName}
        </span>
      ),
    },
    {
      id: "period",
      accessorKey: "period",
      header: "Period",
      cell: ({ row: { original: b } }) => PERIOD_LABELS[b.period],
    },
    {
      id: "limits",
      header: "Used / reserved / left",
      enableSorting: false,
      meta: { cellClassName: "min-w-64" },
      cell: ({ row: { original: b } }) => (
        <div className="flex flex-col gap-2">
          {limitsOf(b.status).map((l) => (
            <LimitBar key={l.kind} limit={l} softPercent={b.softPercent} name={budgetTitle(b)} />
          ))}
        </div>
      ),
    },
    {
      id: "state",
      accessorFn: (b) => budgetState(b.status).label,
      header: "State",
      cell: ({ row: { original: b } }) => {
        const s = budgetState(b.status);
        return <Badge tone={s.tone}>{s.label}</Badge>;
      },
    },
    {
      id: "resets",
      accessorFn: (b) => b.status.resetsAt,
      header: "Resets",
      cell: ({ row: { original: b } }) => (
        <time dateTime={b.status.resetsAt} className="text-xs">
          {formatResetsAt(b.status.resetsAt).replace(/^resets /, "")}
        </time>
      ),
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      meta: { label: "Actions", align: "right", cellClassName: "whitespace-nowrap" },
      cell: ({ row: { original: b } }) => (
        <>
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Edit the budget of ${b.subjectName}`}
            onClick={() => setEditing(b)}
          >
            Edit
          </Button>
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Delete the budget of ${b.subjectName}`}
            onClick={() => setDeleting(b)}
          >
            Delete
          </Button>
        </>
      ),
    },
  ];

  if (!allowed) {
    return (
      <>
        <PageHeader title="Budgets" />
        <Forbidden permission="budgets.manage" />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Budgets"
        description="Limits on tokens and/or money per user, team or console token, per UTC day or calendar month. At the limit, spending calls are refused (429) until the period resets."
        actions={
          <Button variant="primary" onClick={() => setEditing("new")}>
            Add budget
          </Button>
        }
      />
      {budgets.isError ? (
        <ErrorState error={budgets.error} onRetry={() => budgets.refetch()} />
      ) : budgets.data?.length === 0 ? (
        <EmptyState
          title="No budgets yet"
          action={
            <Button variant="primary" onClick={() => setEditing("new")}>
              Add budget
            </Button>
          }
        >
          Without a budget, only the per-minute rate limit bounds spending.
        </EmptyState>
      ) : (
        <DataTable
          label="Budgets"
          data={budgets.data ?? []}
          columns={columns}
          getRowId={(b) => b.id}
          defaultSorting={[{ id: "subject", desc: false }]}
          loading={budgets.isPending}
          loadingState={<LoadingState label="Loading budgets…" />}
        />
      )}
      {editing !== null && (
        <BudgetDialog
          budget={editing === "new" ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting, {
            onSuccess: () => {
              toast({ tone: "success", title: `Budget of ${deleting.subjectName} deleted` });
              setDeleting(null);
            },
            onError: (error) => toast({ tone: "error", ...bodyOf(error) }),
          })
        }
        title="Delete budget"
        busy={remove.isPending}
      >
        <p>
          Delete the budget of {deleting?.subjectName}? Their spending is no longer limited by it;
          what they used stays in the usage.
        </p>
      </ConfirmDialog>
    </>
  );
}

function bodyOf(error: unknown) {
  const { title, hint } = describeError(error);
  return { title, body: hint };
}

/** Whom a budget can be for, per scope: the users, the teams, every console token. */
function useSubjects(scope: BudgetScope, enabled: boolean) {
  const users = useConsoleUsers({ enabled: enabled && scope === "user" });
  const teams = useConsoleTeams({ enabled: enabled && scope === "team" });
  const tokens = useConsoleTokens("all", { enabled: enabled && scope === "token" });
  const query = { user: users, team: teams, token: tokens }[scope];
  const options =
    scope === "user"
      ? (users.data ?? []).map((u) => ({ id: u.id, label: u.email }))
      : scope === "team"
        ? (teams.data ?? []).map((t) => ({ id: t.id, label: t.name }))
        : (tokens.data ?? []).map((t) => ({ id: t.id, label: `${t.name} (${t.userEmail})` }));
  return { options, pending: query.isPending && enabled, error: query.error };
}

/** Adds a budget, or changes the limits of one (its subject and period stay). */
export function BudgetDialog({ budget, onClose }: { budget?: BudgetInfo; onClose: () => void }) {
  const toast = useToast();
  const create = useCreateBudget();
  const update = useUpdateBudget();
  const {
    register,
    handleSubmit,
    control,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<BudgetFormValues, unknown, BudgetFormOutput>({
    resolver: zodResolver(budgetForm),
    defaultValues: budgetFormDefaults(budget),
  });
  const scope = useWatch({ control, name: "scope" });
  const subjects = useSubjects(scope, !budget);
  const submit = handleSubmit(async (v) => {
    try {
      if (budget) {
        const { maxTokens, maxCostNanos, softPercent } = v;
        await update.mutateAsync({
          id: budget.id,
          patch: { maxTokens, maxCostNanos, softPercent },
        });
        toast({ tone: "success", title: `Budget of ${budget.subjectName} saved` });
      } else {
        const created = await create.mutateAsync(v);
        toast({ tone: "success", title: `Budget of ${created.subjectName} added` });
      }
      onClose();
    } catch (error) {
      showServerError(error, BUDGET_FIELDS, setError);
    }
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={budget ? `Budget of ${budget.subjectName}` : "Add budget"}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="budget-form" variant="primary" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : budget ? "Save budget" : "Add budget"}
          </Button>
        </>
      }
    >
      <form id="budget-form" onSubmit={submit} noValidate className="flex flex-col gap-3">
        {!budget && (
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Field label="For" error={errors.scope?.message}>
              {(ids) => (
                <select
                  {...ids}
                  {...register("scope", {
                    onChange: () => setValue("subjectId", ""),
                  })}
                  className={inputClass}
                >
                  {BUDGET_SCOPES.map((s) => (
                    <option key={s} value={s}>
                      {SCOPE_LABELS[s]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              label={SCOPE_LABELS[scope]}
              error={
                errors.subjectId?.message ??
                (subjects.error ? describeError(subjects.error).hint : undefined)
              }
            >
              {(ids) => (
                <select {...ids} {...register("subjectId")} className={inputClass}>
                  <option value="">{subjects.pending ? "Loading…" : "Choose…"}</option>
                  {subjects.options.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        )}
        <Field label="Period" error={errors.period?.message}>
          {(ids) => (
            <select {...ids} {...register("period")} disabled={!!budget} className={inputClass}>
              <option value="day">Per UTC day (resets at 00:00 UTC)</option>
              <option value="month">Per calendar month (resets on the 1st, 00:00 UTC)</option>
            </select>
          )}
        </Field>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field
            label="Token limit"
            description="Prompt and completion tokens. Empty: no token limit."
            error={errors.maxTokens?.message}
          >
            {(ids) => (
              <input
                {...ids}
                {...register("maxTokens")}
                inputMode="numeric"
                placeholder="e.g. 1,000,000"
                className={inputClass}
              />
            )}
          </Field>
          <Field
            label="Cost limit (USD)"
            description="Counts only calls to models with a price. Empty: no cost limit."
            error={errors.maxCostNanos?.message}
          >
            {(ids) => (
              <input
                {...ids}
                {...register("maxCostNanos")}
                inputMode="decimal"
                placeholder="e.g. 25.00"
                className={inputClass}
              />
            )}
          </Field>
        </div>
        <Field
          label="Warn at (%)"
          description="Past this share of a limit, the people it covers see a banner."
          error={errors.softPercent?.message}
        >
          {(ids) => (
            <input
              {...ids}
              {...register("softPercent")}
              inputMode="numeric"
              className={inputClassFor({ width: "w-32" })}
            />
          )}
        </Field>
        {errors.root?.server && (
          <p role="alert" className="text-sm text-danger">
            {errors.root.server.message}
          </p>
        )}
      </form>
    </Dialog>
  );
}
