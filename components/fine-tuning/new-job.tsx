"use client";

import dynamic from "next/dynamic";
import Link from "next/link";
import { useCan, useSession } from "@/components/auth/session";
import { RolePanel } from "@/components/playground/role-panel";
import { LoadingState } from "@/components/ui/states";
import { useFineTuningRetirement } from "@/lib/api/hooks/use-jobs";
import { routes } from "@/lib/routes";
import { RetiredNotice } from "./retired-notice";

// The wizard starts from the draft saved in this browser, so it renders in the browser only.
const JobWizardLoader = dynamic(() => import("./job-wizard").then((m) => m.JobWizardLoader), {
  ssr: false,
  loading: () => <LoadingState />,
});

/**
 * The wizard, for those who may create jobs (`jobs.create`) while the API still runs them; for
 * the others, why not. Once training is retired there is nothing to create: the notice says so.
 */
export function NewJob() {
  const allowed = useCan("jobs.create");
  const { user } = useSession();
  const retirement = useFineTuningRetirement();
  // No form is offered only to be taken away: the wizard waits for the answer (a failed question
  // still shows it, and the create then says what went wrong).
  if (retirement.isPending) return <LoadingState />;
  if (retirement.data) {
    return (
      <RetiredNotice>
        No new job can be created.{" "}
        <Link href={routes.jobs()} className="font-medium text-accent underline">
          The jobs the console kept
        </Link>{" "}
        stay readable.
      </RetiredNotice>
    );
  }
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
