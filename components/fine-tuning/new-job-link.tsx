"use client";

import Link from "next/link";
import { useCan } from "@/components/auth/session";
import { buttonVariants } from "@/components/ui/button";
import { routes } from "@/lib/routes";

/** "New job", for those who may create one (`jobs.create`); nothing for the others. */
export function NewJobLink({ label = "New job" }: { label?: string }) {
  const allowed = useCan("jobs.create");
  if (!allowed) return null;
  return (
    <Link href={routes.newJob()} className={buttonVariants({ variant: "primary" })}>
      {label}
    </Link>
  );
}
