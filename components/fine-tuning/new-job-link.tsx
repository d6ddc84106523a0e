"use client";

import Link from "next/link";
import { useCan } from "@/components/auth/session";
import { buttonVariants } from "@/components/ui/button";
import { useFineTuningRetired } from "@/lib/api/hooks/use-jobs";
import { routes } from "@/lib/routes";

/**
 * "New job", for those who may create one (`jobs.create`) while the API still runs jobs; nothing
 * for the others, nor once fine-tuning training is retired.
 */
export function NewJobLink({ label = "New job" }: { label?: string }) {
  const allowed = useCan("jobs.create");
  const retired = useFineTuningRetired();
  if (!allowed || retired) return null;
  return (
    <Link href={routes.newJob()} className={buttonVariants({ variant: "primary" })}>
      {label}
    </Link>
  );
}
