import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  teamMemberPath,
  teamPath,
  teamsPath,
  type TeamInfo,
  type TeamResponse,
  type TeamRole,
  type TeamsResponse,
} from "@/lib/console/teams";
import { consoleFetch } from "../client";
import { consoleUserKeys } from "./use-console-users";

// Teams and who is in them (/api/console/teams, teams.manage).
export const consoleTeamKeys = {
  all: ["console", "teams"] as const,
  list: () => [...consoleTeamKeys.all, "list"] as const,
};

export function useConsoleTeams({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: consoleTeamKeys.list(),
    queryFn: ({ signal }) =>
      consoleFetch<TeamsResponse>(teamsPath, { signal }).then((r) => r.teams),
    enabled,
  });
}

/** Each write refreshes the teams and the users (who shows each user's team) once it is done. */
function useTeamsMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: consoleTeamKeys.all });
      void qc.invalidateQueries({ queryKey: consoleUserKeys.all });
    },
  });
}

export const useCreateTeam = () =>
  useTeamsMutation((name: string) =>
    consoleFetch<TeamResponse>(teamsPath, { json: { name } }).then((r) => r.team),
  );

export const useRenameTeam = () =>
  useTeamsMutation(({ id, name }: { id: string; name: string }) =>
    consoleFetch<TeamResponse>(teamPath(id), { method: "PATCH", json: { name } }).then(
      (r) => r.team,
    ),
  );

export const useDeleteTeam = () =>
  useTeamsMutation((team: TeamInfo) => consoleFetch<void>(teamPath(team.id), { method: "DELETE" }));

/** Adds the user to the team (moving them out of any other) or changes their role there. */
export const usePutTeamMember = () =>
  useTeamsMutation(
    ({ teamId, userId, teamRole }: { teamId: string; userId: string; teamRole: TeamRole }) =>
      consoleFetch<TeamResponse>(teamMemberPath(teamId, userId), {
        method: "PUT",
        json: { teamRole },
      }).then((r) => r.team),
  );

export const useRemoveTeamMember = () =>
  useTeamsMutation(({ teamId, userId }: { teamId: string; userId: string }) =>
    consoleFetch<TeamResponse>(teamMemberPath(teamId, userId), { method: "DELETE" }).then(
      (r) => r.team,
    ),
  );
