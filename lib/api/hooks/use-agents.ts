import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { components } from "@/lib/mistral/schema.gen";
import { api, unwrap } from "../client";

export type Agent = components["schemas"]["Agent"];
export type AgentRequest = components["schemas"]["CreateAgentRequest"];

export const agentKeys = {
  all: ["agents"] as const,
  list: ["agents", "list"] as const,
};

/** Agents per request; the list reads pages until a short one (at most MAX_PAGES). */
const PAGE_SIZE = 100;
const MAX_PAGES = 20;

/** The agents the API knows, newest first. */
export function useAgents() {
  return useQuery({
    queryKey: agentKeys.list,
    queryFn: async ({ signal }) => {
      const agents: Agent[] = [];
      for (let page = 0; page < MAX_PAGES; page++) {
        const body = await unwrap(
          api.GET("/v1/agents", { params: { query: { page, page_size: PAGE_SIZE } }, signal }),
        );
        agents.push(...body);
        if (body.length < PAGE_SIZE) break;
      }
      return agents;
    },
  });
}

/** Creates an agent (`id` null) or changes one (a new version of it). */
export function useSaveAgent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: AgentRequest }) =>
      id
        ? unwrap(api.PATCH("/v1/agents/{agent_id}", { params: { path: { agent_id: id } }, body }))
        : unwrap(api.POST("/v1/agents", { body })),
    onSettled: () => qc.invalidateQueries({ queryKey: agentKeys.all }),
  });
}

export function useDeleteAgent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE("/v1/agents/{agent_id}", { params: { path: { agent_id: id } } })),
    onSuccess: (_out, id) =>
      qc.setQueryData<Agent[]>(agentKeys.list, (old) => old?.filter((a) => a.id !== id)),
    onSettled: () => qc.invalidateQueries({ queryKey: agentKeys.all }),
  });
}

/** An agent's versions (GET /v1/agents/{id}/versions), newest first, each whole. */
export function useAgentVersions(id: string | null) {
  return useQuery({
    queryKey: [...agentKeys.all, "versions", id],
    enabled: !!id,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/v1/agents/{agent_id}/versions", {
          params: { path: { agent_id: id! }, query: { page: 0, page_size: 100 } },
          signal,
        }),
      ).then((versions) => [...versions].sort((a, b) => b.version - a.version)),
  });
}

/** Makes an existing version the agent's current one (PATCH /v1/agents/{id}/version). */
export function useSwitchAgentVersion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      unwrap(
        api.PATCH("/v1/agents/{agent_id}/version", {
          params: { path: { agent_id: id }, query: { version } },
        }),
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: agentKeys.all }),
  });
}
