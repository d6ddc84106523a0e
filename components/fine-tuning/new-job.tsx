"use client";

import dynamic from "next/dynamic";
import { useCan, useSession } from "@/components/auth/session";
import { RolePanel } from "@/components/playground/role-panel";
import { LoadingState } from "@/components/ui/states";
import { routes } from "@/lib/routes";

// The wizard starts from the draft saved in this browser, so it renders in the browser only.
const JobWizardLoader = dynamic(() => import("./job-wizard").then((m) => m.JobWizardLoader), {
  ssr: false,
  loading: () => <LoadingState />,
});

/** The wizard, for those who may create jobs (`jobs.create`); for the others, why not. */
export function NewJob() {
  const allowed = useCan("jobs.create");
  const { user } = useSession();
  if (allowed) return <JobWizardLoader />;
  return (
    <RolePanel
      title="You can't create fine-tuning jobs"
      link={{ href: routes.jobs(), label: "See the jobs" }}
    >
      <p>
        Your role ({user.role}) can&apos;t create fine-tuning jobs — training spends the team&apos;s
        API budget. Ask an admin for the member role.
      </p>
    </RolePanel>
  );
}
