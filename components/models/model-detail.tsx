"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useCan } from "@/components/auth/session";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { ApiError } from "@/lib/api/errors";
import { formatDateTime, formatNumber, formatRelative } from "@/lib/format";
import { useModel } from "@/lib/api/hooks/use-models";
import { capabilityLabel, deprecationOf } from "@/lib/mistral/capabilities";
import { CapabilityBadges } from "./capability-badges";
import { prepareRow } from "@/lib/models/filter";
import { deprecationTone, formatDay } from "@/lib/models/format";
import { tryActionFor } from "@/lib/models/try-action";
import { editedFields, type EditState, ModelFieldEditor } from "./editable-text";
import { useModelActions } from "./use-model-actions";
import { routes } from "@/lib/routes";
import { ModelJobLink } from "@/components/fine-tuning/model-job-link";

// Fields this view shows in its own way; any other field the API sends is listed as it came.
const SHOWN = new Set([
  "id",
  "object",
  "created",
  "owned_by",
  "root",
  "archived",
  "name",
  "description",
  "capabilities",
  "max_context_length",
  "aliases",
  "deprecation",
  "deprecation_replacement_model",
  "job",
  "type",
]);

export function ModelDetail({ id }: { id: string }) {
  const model = useModel(id);
  const router = useRouter();
  const { run } = useModelActions();
  const [edit, setEdit] = useState<EditState | null>(null);
  const [deleting, setDeleting] = useState(false);
  const canManage = useCan("models.manage");
  const canTry = useCan("playground.use");

  if (model.isPending) {
    return (
      <>
        <PageHeader title="Model" description={id} />
        <LoadingState label="Loading the model…" />
      </>
    );
  }
  if (model.isError) {
    const notFound = model.error instanceof ApiError && model.error.status === 404;
    return (
      <>
        <PageHeader title="Model" description={id} />
        {notFound ? (
          <EmptyState
            title="This model does not exist"
            action={
              <Link href={routes.models()} className={buttonVariants({ variant: "primary" })}>
                Back to models
              </Link>
            }
          >
            No model has the id <code className="font-mono">{id}</code>. It may have been deleted.
          </EmptyState>
        ) : (
          <>
            <ErrorState error={model.error} onRetry={() => model.refetch()} />
          </>
        )}
      </>
    );
  }

  const m = model.data;
  const row = prepareRow(m);
  const ft = row.kind === "fine-tuned";
  const archived = m.archived === true;
  const extra = Object.entries(m as Record<string, unknown>).filter(([k]) => !SHOWN.has(k));
  const deprecation = deprecationOf(m);
  const tryIt = canTry ? tryActionFor(m) : null;

  const commit = (e: EditState) => {
    setEdit(null);
    const change = editedFields(e, m);
    if (change) run({ kind: "update", id, ...change });
  };
  const editable = (field: EditState["field"]) => (
    <ModelFieldEditor
      id={id}
      field={field}
      value={field === "name" ? m.name : m.description}
      edit={edit}
      onEdit={setEdit}
      onCommit={commit}
      readOnly={!canManage}
    />
  );

  return (
    <>
      <Link href={routes.models()} className="mb-2 inline-block text-sm text-muted hover:text-text">
        ← All models
      </Link>
      <PageHeader
        title={m.name || m.id}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={ft ? "accent" : "neutral"}>{ft ? "Fine-tuned" : "Base model"}</Badge>
            {archived && <Badge tone="warning">Archived</Badge>}
            {!archived && deprecation?.retired && <Badge tone="danger">Retired</Badge>}
            <code className="font-mono text-xs break-all">{m.id}</code>
            <CopyButton text={m.id} label="Copy model id" />
          </span>
        }
        actions={
          <>
            {tryIt && (
              <Link
                href={tryIt.href}
                className={buttonVariants({ variant: "primary", size: "sm" })}
              >
                Try in {tryIt.place}
              </Link>
            )}
            {canManage && ft && (
              <>
                <Button size="sm" onClick={() => run({ kind: "archive", id, archived: !archived })}>
                  {archived ? "Unarchive" : "Archive"}
                </Button>
                <Button size="sm" variant="danger" onClick={() => setDeleting(true)}>
                  Delete
                </Button>
              </>
            )}
          </>
        }
      />

      <dl className="grid max-w-4xl grid-cols-1 gap-x-6 gap-y-3 rounded-lg border border-border bg-surface p-5 text-sm sm:grid-cols-[12rem_1fr]">
        <Item label="Name">{ft ? editable("name") : (m.name ?? "—")}</Item>
        <Item label="Description">{ft ? editable("description") : (m.description ?? "—")}</Item>
        <Item label="Base model">{m.root ? <code className="font-mono">{m.root}</code> : "—"}</Item>
        <Item label="Owner">{m.owned_by ?? "—"}</Item>
        <Item label="Capabilities">
          <CapabilityBadges capabilities={m.capabilities} />
        </Item>
        <Item label="Context length">
          {m.max_context_length != null ? `${formatNumber(m.max_context_length)} tokens` : "—"}
        </Item>
        <Item label="Created">
          {formatDateTime(m.created)}{" "}
          <span className="text-muted">({formatRelative(m.created)})</span>
        </Item>
        <Item label="Aliases">
          {m.aliases?.length ? (
            <span className="flex flex-wrap gap-1">
              {m.aliases.map((a) => (
                <code key={a} className="rounded bg-surface-2 px-1.5 py-0.5 font-mono text-xs">
                  {a}
                </code>
              ))}
            </span>
          ) : (
            "—"
          )}
        </Item>
        <Item label="Deprecation">
          {deprecation ? (
            <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <Badge tone={deprecationTone(deprecation.at)}>{formatDateTime(m.deprecation)}</Badge>
              {deprecation.replacement && (
                <span>
                  Replacement: <ModelLink id={deprecation.replacement} />
                </span>
              )}
            </span>
          ) : (
            "—"
          )}
        </Item>
        <Item label="Status">
          {archived ? (
            "Archived"
          ) : deprecation?.retired ? (
            <span>
              Retired {formatDay(m.deprecation)}
              {deprecation.replacement && (
                <>
                  , use <ModelLink id={deprecation.replacement} />
                </>
              )}
            </span>
          ) : (
            "Active"
          )}
        </Item>
        <Item label="Job">{row.jobId ? <ModelJobLink jobId={row.jobId} /> : "—"}</Item>
        {extra.map(([k, v]) => (
          // Fields the console does not know yet, named readably (snake_case → words).
          // A field the API sends empty (null) reads "—", as every missing value does.
          <Item key={k} label={capabilityLabel(k)}>
            {v == null ? (
              "—"
            ) : (
              <code className="font-mono text-xs break-all">
                {typeof v === "string" ? v : JSON.stringify(v)}
              </code>
            )}
          </Item>
        ))}
      </dl>

      {canManage && deleting && (
        <ConfirmDialog
          open
          title={`Delete ${m.name || m.id}?`}
          confirmText={m.id}
          confirmLabel="Delete model"
          onClose={() => setDeleting(false)}
          onConfirm={() => {
            setDeleting(false);
            // Shown as done at once; if the server refuses, the toast says so and the row returns.
            run({ kind: "delete", id });
            router.push(routes.models());
          }}
        >
          <p>
            The fine-tuned model <code className="font-mono break-all">{m.id}</code> will be deleted
            for good: requests that name it will fail. The job that trained it is kept.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}

function ModelLink({ id }: { id: string }) {
  return (
    <Link href={routes.model(id)} className="font-mono break-all text-accent hover:underline">
      {id}
    </Link>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      {/* A field the API adds later is labelled by its raw key: long ones wrap, never overlap. */}
      <dt className="font-medium break-all text-muted">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}
