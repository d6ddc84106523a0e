"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { Forbidden } from "@/components/auth/forbidden";
import { useCan } from "@/components/auth/session";
import { budgetState } from "@/components/budgets/format";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { describeError } from "@/lib/api/errors";
import { showServerError } from "@/lib/api/form-errors";
import { useConsoleBudgets } from "@/lib/api/hooks/use-console-budgets";
import {
  useConsoleTeams,
  useCreateTeam,
  useDeleteTeam,
  useRenameTeam,
} from "@/lib/api/hooks/use-console-teams";
import { useConsoleUsage } from "@/lib/api/hooks/use-console-usage";
import { createTeamBody, type TeamInfo } from "@/lib/console/teams";
import { formatNumber } from "@/lib/format";
import { routes } from "@/lib/routes";
import { TeamMembersDialog } from "./members-dialog";

/** Today's day of the month (UTC): the usage query's `days` that starts on the 1st. */
export const daysThisMonth = (now = new Date()) => now.getUTCDate();

/** Admins make teams and put users in them; usage and budgets roll up per team. */
export function TeamsPage() {
  const allowed = useCan("teams.manage");
  const seesBudgets = useCan("budgets.manage");
  const toast = useToast();
  const teams = useConsoleTeams({ enabled: allowed });
  const budgets = useConsoleBudgets({ enabled: allowed && seesBudgets });
  const usage = useConsoleUsage(daysThisMonth(), "");
  const [naming, setNaming] = useState<TeamInfo | "new" | null>(null);
  const [membersOf, setMembersOf] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<TeamInfo | null>(null);
  const remove = useDeleteTeam();

  const tokensByTeam = useMemo(() => {
    const m = new Map<string, number>();
    for (const r of usage.data?.rows ?? []) {
      if (r.teamId) m.set(r.teamId, (m.get(r.teamId) ?? 0) + r.totalTokens);
    }
    return m;
  }, [usage.data]);
  const budgetsByTeam = useMemo(
    () =>
      new Map((budgets.data ?? []).filter((b) => b.scope === "team").map((b) => [b.subjectId, b])),
    [budgets.data],
  );

  const columns: ColumnDef<TeamInfo>[] = [
    {
      id: "name",
      accessorKey: "name",
      header: "Team",
      meta: { rowHeader: true, cellClassName: "font-medium" },
    },
    {
      id: "members",
      accessorFn: (t) => t.members.length,
      header: "Members",
      meta: { align: "right" },
      cell: ({ row: { original: t } }) => {
        const admins = t.members.filter((m) => m.teamRole === "admin").length;
        return (
          <span className="tabular-nums">
            {t.members.length}
            {admins > 0 && <span className="text-xs text-muted"> ({admins} admin)</span>}
          </span>
        );
      },
    },
    {
      id: "usage",
      accessorFn: (t) => tokensByTeam.get(t.id) ?? 0,
      header: "Tokens this month",
      meta: { align: "right", cellClassName: "tabular-nums" },
      cell: ({ getValue }) => (usage.isPending ? "…" : formatNumber(getValue<number>())),
    },
    {
      id: "budget",
      accessorFn: (t) => {
        const b = budgetsByTeam.get(t.id);
        return b ? budgetState(b.status).label : "";
      },
      header: "Budget",
      cell: ({ row: { original: t } }) => {
        const b = budgetsByTeam.get(t.id);
        if (!b) return <span className="text-muted">none</span>;
        const s = budgetState(b.status);
        return <Badge tone={s.tone}>{s.label}</Badge>;
      },
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      meta: { label: "Actions", align: "right", cellClassName: "whitespace-nowrap" },
      cell: ({ row: { original: t } }) => (
        <>
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Members of ${t.name}`}
            onClick={() => setMembersOf(t.id)}
          >
            Members
          </Button>
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Rename ${t.name}`}
            onClick={() => setNaming(t)}
          >
            Rename
          </Button>
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Delete ${t.name}`}
            onClick={() => setDeleting(t)}
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
        <PageHeader title="Teams" />
        <Forbidden permission="teams.manage" />
      </>
    );
  }
  const open = teams.data?.find((t) => t.id === membersOf);
  return (
    <>
      <PageHeader
        title="Teams"
        description={
          <>
            A user is in at most one team; usage, audit and budgets roll up per team, and a
            team&apos;s admins see its usage.
            {seesBudgets && (
              <>
                {" "}
                Set a team&apos;s limits on the{" "}
                <Link href={routes.budgets()} className="text-accent underline">
                  Budgets
                </Link>{" "}
                page.
              </>
            )}
          </>
        }
        actions={
          <Button variant="primary" onClick={() => setNaming("new")}>
            Add team
          </Button>
        }
      />
      {teams.isError ? (
        <ErrorState error={teams.error} onRetry={() => teams.refetch()} />
      ) : teams.data?.length === 0 ? (
        <EmptyState
          title="No teams yet"
          action={
            <Button variant="primary" onClick={() => setNaming("new")}>
              Add team
            </Button>
          }
        >
          Group users in teams to see usage per team and give a team a budget.
        </EmptyState>
      ) : (
        <DataTable
          label="Teams"
          data={teams.data ?? []}
          columns={columns}
          getRowId={(t) => t.id}
          defaultSorting={[{ id: "name", desc: false }]}
          loading={teams.isPending}
          loadingState={<LoadingState label="Loading teams…" />}
        />
      )}
      {naming !== null && (
        <TeamNameDialog
          team={naming === "new" ? undefined : naming}
          onClose={() => setNaming(null)}
        />
      )}
      {open && (
        <TeamMembersDialog
          team={open}
          teams={teams.data ?? []}
          onClose={() => setMembersOf(null)}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting, {
            onSuccess: () => {
              toast({ tone: "success", title: `Team ${deleting.name} deleted` });
              setDeleting(null);
            },
            onError: (error) => {
              const { title, hint } = describeError(error);
              toast({ tone: "error", title, body: hint });
            },
          })
        }
        title="Delete team"
        busy={remove.isPending}
      >
        <p>
          Delete the team {deleting?.name}? Its {deleting?.members.length ?? 0} members are then in
          no team; their accounts and past usage stay.
        </p>
      </ConfirmDialog>
    </>
  );
}

/** Names a new team, or renames one (it keeps its id, so mappings to it hold). */
function TeamNameDialog({ team, onClose }: { team?: TeamInfo; onClose: () => void }) {
  const toast = useToast();
  const create = useCreateTeam();
  const rename = useRenameTeam();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(createTeamBody), defaultValues: { name: team?.name ?? "" } });
  const submit = handleSubmit(async ({ name }) => {
    try {
      const saved = team
        ? await rename.mutateAsync({ id: team.id, name })
        : await create.mutateAsync(name);
      toast({
        tone: "success",
        title: team ? `Renamed to ${saved.name}` : `Team ${saved.name} added`,
      });
      onClose();
    } catch (error) {
      showServerError(error, ["name"], setError);
    }
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={team ? `Rename ${team.name}` : "Add team"}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="team-name" variant="primary" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : team ? "Rename" : "Add team"}
          </Button>
        </>
      }
    >
      <form id="team-name" onSubmit={submit} noValidate className="flex flex-col gap-3">
        <Field label="Name" error={errors.name?.message}>
          {(ids) => (
            <input {...ids} {...register("name")} className={inputClass} autoComplete="off" />
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
