"use client";

import { useCan, useSession } from "@/components/auth/session";
import { RolePanel } from "./role-panel";
import { routes } from "@/lib/routes";

/**
 * The playground spends the team's API budget, so it needs `playground.use`. Without it, every
 * mode (chat, agents, FIM, embeddings) shows why instead of an editor nobody could send from.
 */
export function PlaygroundGate({ children }: { children: React.ReactNode }) {
  const allowed = useCan("playground.use");
  const { user } = useSession();
  if (allowed) return <>{children}</>;
  return (
    <RolePanel
      title="The playground is not available to you"
      link={{ href: routes.models(), label: "Browse the models" }}
    >
      <p>
        Your role ({user.role}) can&apos;t use the playground — it spends the team&apos;s API
        budget. Ask an admin for the member role.
      </p>
    </RolePanel>
  );
}
