"use client";

import Link from "next/link";
import { useFineTuningRetired } from "@/lib/api/hooks/use-jobs";
import { routes } from "@/lib/routes";

/**
 * The link from a fine-tuned model to the job that trained it. Once the API has retired its jobs
 * routes, the job page shows the console's archived copy (if it ever saw the job): the link says so
 * rather than promise a live job.
 */
export function ModelJobLink({ jobId }: { jobId: string }) {
  const retired = useFineTuningRetired();
  return (
    <>
      <Link href={routes.job(jobId)} className="font-mono break-all text-accent hover:underline">
        {jobId}
      </Link>
      {retired && (
        <span className="mt-0.5 block text-xs text-muted">
          Archived: the API no longer serves fine-tuning jobs, so the job page shows the
          console&apos;s copy of it, if it has one.
        </span>
      )}
    </>
  );
}
