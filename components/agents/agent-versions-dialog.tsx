"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { describeError } from "@/lib/api/errors";
import { type Agent, useAgentVersions, useSwitchAgentVersion } from "@/lib/api/hooks/use-agents";
import { formatDateTime } from "@/lib/format";

/**
 * An agent's versions (each edit made one): what each one runs, which is current, and switching
 * the current one back or forward after a confirmation. Conversations that pinned a version keep
 * it; the others run the current one from their next turn. (The playground's agent picker pins one.)
 */
export function AgentVersionsDialog({
  agent,
  canManage,
  onClose,
}: {
  agent: Agent;
  canManage: boolean;
  onClose: () => void;
}) {
  const versions = useAgentVersions(agent.id);
  const switchVersion = useSwitchAgentVersion();
  const toast = useToast();
  const [confirming, setConfirming] = useState<number | null>(null);
  // The list says which version is current; after a switch, until it is read again, the answer does.
  const [current, setCurrent] = useState(agent.version);

  return (
    <>
      <Dialog open onClose={onClose} title={`Versions of ${agent.name}`} wide>
        {versions.isPending ? (
          <LoadingState label="Loading the versions…" />
        ) : versions.isError ? (
          <ErrorState error={versions.error} onRetry={() => versions.refetch()} />
        ) : (
          <div className="overflow-x-auto">
            <table aria-label={`Versions of ${agent.name}`} className="w-full text-left text-sm">
              <thead className="text-xs text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Version
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Model
                  </th>
                  <th scope="col" className="hidden py-2 pr-3 font-medium sm:table-cell">
                    Instructions
                  </th>
                  <th scope="col" className="hidden py-2 pr-3 font-medium md:table-cell">
                    Saved
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {versions.data.map((v) => {
                  const isCurrent = v.version === current;
                  return (
                    <tr key={v.version} className="border-t border-border align-top">
                      <th scope="row" className="py-2 pr-3 font-medium whitespace-nowrap">
                        {v.version}
                        {isCurrent && (
                          <span className="ml-2 rounded-full bg-accent-soft px-2 py-0.5 text-xs text-accent">
                            Current
                          </span>
                        )}
                      </th>
                      <td className="py-2 pr-3 font-mono text-xs">{v.model}</td>
                      <td className="hidden max-w-64 py-2 pr-3 text-muted sm:table-cell">
                        <span className="line-clamp-2">{v.instructions || "—"}</span>
                      </td>
                      <td className="hidden py-2 pr-3 whitespace-nowrap text-muted md:table-cell">
                        {formatDateTime(v.updated_at)}
                      </td>
                      <td className="py-2">
                        <div className="flex flex-wrap justify-end gap-1">
                          {canManage && !isCurrent && (
                            <Button
                              size="sm"
                              aria-label={`Make version ${v.version} current`}
                              onClick={() => setConfirming(v.version)}
                            >
                              Make current
                            </Button>
                          )}
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Dialog>
      {confirming != null && (
        <ConfirmDialog
          open
          title={`Make version ${confirming} current?`}
          confirmLabel="Make current"
          busy={switchVersion.isPending}
          onClose={() => setConfirming(null)}
          onConfirm={() =>
            switchVersion.mutate(
              { id: agent.id, version: confirming },
              {
                onSuccess: (saved) => {
                  setConfirming(null);
                  setCurrent(saved.version);
                  toast({
                    tone: "success",
                    title: `${agent.name} now runs version ${saved.version}`,
                  });
                },
                onError: (error) => {
                  setConfirming(null);
                  const { title, hint } = describeError(error);
                  toast({ tone: "error", title, body: hint });
                },
              },
            )
          }
        >
          <p>
            {agent.name} will answer with version {confirming} from now on, here and for every
            client of the API. Conversations that pinned a version keep theirs.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
