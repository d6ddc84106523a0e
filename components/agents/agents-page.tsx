"use client";

import Link from "next/link";
import { useState } from "react";
import { useCan } from "@/components/auth/session";
import { PageHeader } from "@/components/shell/page-header";
import { Button, buttonVariants } from "@/components/ui/button";
import { Dash, TextCell } from "@/components/ui/cells";
import { type ColumnDef, DataTable } from "@/components/ui/data-table";
import { ConfirmDialog } from "@/components/ui/dialog";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { describeError } from "@/lib/api/errors";
import { type Agent, useAgents, useDeleteAgent } from "@/lib/api/hooks/use-agents";
import { BUILT_IN_TOOLS } from "@/lib/agents/form";
import { formatDateTime, formatRelative } from "@/lib/format";
import { routes } from "@/lib/routes";
import { AgentFormDialog } from "./agent-form-dialog";
import { AgentVersionsDialog } from "./agent-versions-dialog";

const TOOL_LABELS: Record<string, string> = {
  ...Object.fromEntries(BUILT_IN_TOOLS.map((t) => [t.type, t.label])),
  document_library: "Document library",
};

/** A tool as a reader names it: a function by its name, a built-in by its label. */
function toolName(tool: { type: string; function?: { name?: string } }): string {
  if (tool.type === "function") return tool.function?.name ?? "function";
  return TOOL_LABELS[tool.type] ?? tool.type;
}

type Editing = { agent: Agent | null } | null;

export function AgentsPage() {
  const agents = useAgents();
  const remove = useDeleteAgent();
  const toast = useToast();
  const canCreate = useCan("agents.create");
  const canManage = useCan("agents.manage_own");
  const canTry = useCan("playground.use");
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Agent | null>(null);
  const [versionsOf, setVersionsOf] = useState<Agent | null>(null);

  const columns: ColumnDef<Agent>[] = [
    {
      id: "name",
      header: "Name",
      accessorKey: "name",
      meta: { rowHeader: true },
      cell: ({ row }) => (
        <div className="min-w-0">
          <div className="truncate font-medium">{row.original.name}</div>
          <div className="truncate font-mono text-xs text-muted">{row.original.id}</div>
        </div>
      ),
    },
    {
      id: "model",
      header: "Model",
      accessorKey: "model",
      meta: { className: "hidden sm:table-cell" },
      cell: ({ row }) => <TextCell value={row.original.model} mono />,
    },
    {
      id: "tools",
      header: "Tools",
      enableSorting: false,
      // On a phone the name and the actions are what matter.
      meta: { className: "hidden md:table-cell" },
      cell: ({ row }) => {
        const tools = (row.original.tools ?? []) as { type: string }[];
        return tools.length ? <TextCell value={tools.map(toolName).join(", ")} /> : <Dash />;
      },
    },
    {
      id: "version",
      header: "Version",
      accessorKey: "version",
      meta: { align: "right", className: "hidden sm:table-cell" },
    },
    {
      id: "updated",
      header: "Updated",
      accessorKey: "updated_at",
      sortDescFirst: true,
      meta: { className: "hidden md:table-cell", cellClassName: "whitespace-nowrap text-muted" },
      cell: ({ row }) => (
        <span title={formatDateTime(row.original.updated_at)}>
          {formatRelative(row.original.updated_at)}
        </span>
      ),
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      cell: ({ row }) => {
        const a = row.original;
        return (
          <div className="flex flex-wrap justify-end gap-1">
            {canTry && (
              <Link
                href={routes.playground({ agent: a.id })}
                prefetch={false}
                className={buttonVariants({ variant: "ghost", size: "sm" })}
                aria-label={`Open ${a.name} in playground`}
              >
                <span className="sm:hidden">Open</span>
                <span className="hidden sm:inline">Open in playground</span>
              </Link>
            )}
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Versions of ${a.name}`}
              onClick={() => setVersionsOf(a)}
            >
              Versions
            </Button>
            {canManage && (
              <>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Edit ${a.name}`}
                  onClick={() => setEditing({ agent: a })}
                >
                  Edit
                </Button>
                <Button
                  size="sm"
                  variant="ghost"
                  className="text-danger"
                  aria-label={`Delete ${a.name}`}
                  onClick={() => setDeleting(a)}
                >
                  Delete
                </Button>
              </>
            )}
          </div>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title="Agents"
        description="Agents bring their own model, instructions and tools; try one in the playground."
        actions={
          canCreate && (
            <Button variant="primary" onClick={() => setEditing({ agent: null })}>
              New agent
            </Button>
          )
        }
      />
      {agents.isPending ? (
        <LoadingState label="Loading the agents…" />
      ) : agents.isError ? (
        <ErrorState error={agents.error} onRetry={() => agents.refetch()} />
      ) : (
        <div className="overflow-x-auto">
          <DataTable<Agent>
            label="Agents"
            data={agents.data}
            columns={columns}
            getRowId={(a) => a.id}
            defaultSorting={[{ id: "updated", desc: true }]}
            empty={
              <EmptyState title="No agent yet">
                {canCreate
                  ? "Create one with New agent: a name, a model and its instructions are enough."
                  : "Agents made by others show here."}
              </EmptyState>
            }
          />
        </div>
      )}

      {editing && (
        <AgentFormDialog
          agent={editing.agent}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            toast({
              tone: "success",
              title: editing.agent
                ? `Agent “${saved.name}” saved`
                : `Agent “${saved.name}” created`,
            });
          }}
        />
      )}
      {versionsOf && (
        <AgentVersionsDialog
          agent={versionsOf}
          canManage={canManage}
          onClose={() => setVersionsOf(null)}
        />
      )}
      {deleting && (
        <ConfirmDialog
          open
          title={`Delete ${deleting.name}?`}
          confirmLabel="Delete agent"
          busy={remove.isPending}
          onClose={() => setDeleting(null)}
          onConfirm={() =>
            remove.mutate(deleting.id, {
              onSuccess: () => {
                setDeleting(null);
                toast({ tone: "success", title: `Agent “${deleting.name}” deleted` });
              },
              onError: (error) => {
                setDeleting(null);
                const { title, hint } = describeError(error);
                toast({ tone: "error", title, body: hint });
              },
            })
          }
        >
          <p>
            The agent <code className="font-mono break-all">{deleting.id}</code> and its versions
            will be deleted: conversations and requests that name it will fail.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
