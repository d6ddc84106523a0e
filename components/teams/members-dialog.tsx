"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClassFor } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { describeError } from "@/lib/api/errors";
import { usePutTeamMember, useRemoveTeamMember } from "@/lib/api/hooks/use-console-teams";
import { useConsoleUsers } from "@/lib/api/hooks/use-console-users";
import { TEAM_ROLES, type TeamInfo, type TeamRole } from "@/lib/console/teams";

/** Which team each user is in now (a user is in at most one). */
export function teamOfUser(teams: readonly TeamInfo[]): Map<string, TeamInfo> {
  const m = new Map<string, TeamInfo>();
  for (const t of teams) for (const u of t.members) m.set(u.userId, t);
  return m;
}

/** A team's members: add a user (moving them from their team, said so), set a role, remove. */
export function TeamMembersDialog({
  team,
  teams,
  onClose,
}: {
  team: TeamInfo;
  teams: readonly TeamInfo[];
  onClose: () => void;
}) {
  const toast = useToast();
  const users = useConsoleUsers();
  const put = usePutTeamMember();
  const remove = useRemoveTeamMember();
  const [adding, setAdding] = useState("");
  const [role, setRole] = useState<TeamRole>("member");
  const fail = (error: unknown) => {
    const { title, hint } = describeError(error);
    toast({ tone: "error", title, body: hint });
  };
  const current = teamOfUser(teams);
  const candidates = (users.data ?? []).filter((u) => current.get(u.id)?.id !== team.id);
  const from = adding ? current.get(adding) : undefined;
  const add = () =>
    put.mutate(
      { teamId: team.id, userId: adding, teamRole: role },
      {
        onSuccess: () => {
          const who = users.data?.find((u) => u.id === adding)?.email ?? "User";
          toast({
            tone: "success",
            title: from
              ? `${who} moved from ${from.name} to ${team.name}`
              : `${who} added to ${team.name}`,
          });
          setAdding("");
        },
        onError: fail,
      },
    );
  return (
    <Dialog open onClose={onClose} title={`Members of ${team.name}`} wide>
      <div className="flex flex-col gap-4">
        {team.members.length === 0 ? (
          <p className="text-muted">No one is in this team yet.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-border">
            <table className="w-full text-sm" aria-label={`Members of ${team.name}`}>
              <thead className="bg-surface-2 text-left text-xs text-muted">
                <tr>
                  <th className="px-3 py-2 font-medium">Member</th>
                  <th className="px-3 py-2 font-medium">Team role</th>
                  <th className="px-3 py-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {team.members.map((m) => (
                  <tr key={m.userId} className="border-t border-border">
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      <span className="block font-medium">{m.name}</span>
                      <span className="block text-xs text-muted">{m.email}</span>
                    </th>
                    <td className="px-3 py-2">
                      <select
                        aria-label={`Team role of ${m.email}`}
                        className={inputClassFor({ height: "h-8", width: "w-28" })}
                        value={m.teamRole}
                        disabled={put.isPending}
                        onChange={(e) =>
                          put.mutate(
                            {
                              teamId: team.id,
                              userId: m.userId,
                              teamRole: e.target.value as TeamRole,
                            },
                            {
                              onSuccess: () =>
                                toast({
                                  tone: "success",
                                  title: `${m.email} is now team ${e.target.value}`,
                                }),
                              onError: fail,
                            },
                          )
                        }
                      >
                        {TEAM_ROLES.map((r) => (
                          <option key={r} value={r}>
                            {r}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="px-3 py-2 text-right">
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={`Remove ${m.email} from ${team.name}`}
                        disabled={remove.isPending}
                        onClick={() =>
                          remove.mutate(
                            { teamId: team.id, userId: m.userId },
                            {
                              onSuccess: () =>
                                toast({
                                  tone: "success",
                                  title: `${m.email} removed from ${team.name}`,
                                }),
                              onError: fail,
                            },
                          )
                        }
                      >
                        Remove
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (adding) add();
          }}
        >
          <Field
            label="Add a user"
            className="min-w-56 flex-1"
            description={
              from
                ? `${users.data?.find((u) => u.id === adding)?.email} is in ${from.name}: adding moves them out of it.`
                : undefined
            }
          >
            {(ids) => (
              <select
                {...ids}
                className={inputClassFor()}
                value={adding}
                onChange={(e) => setAdding(e.target.value)}
              >
                <option value="">{users.isPending ? "Loading…" : "Choose a user…"}</option>
                {candidates.map((u) => {
                  const t = current.get(u.id);
                  return (
                    <option key={u.id} value={u.id}>
                      {u.email}
                      {t ? ` (in ${t.name})` : ""}
                    </option>
                  );
                })}
              </select>
            )}
          </Field>
          <Field label="Team role" className="w-32">
            {(ids) => (
              <select
                {...ids}
                className={inputClassFor()}
                value={role}
                onChange={(e) => setRole(e.target.value as TeamRole)}
              >
                {TEAM_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Button type="submit" variant="primary" disabled={!adding || put.isPending}>
            {from ? "Move here" : "Add"}
          </Button>
        </form>
        {users.isError && (
          <ErrorState compact error={users.error} onRetry={() => users.refetch()} />
        )}
      </div>
    </Dialog>
  );
}
