"use client";

import { useSession } from "@/components/auth/session";
import { can } from "@/lib/auth/permissions";
import { BatchJobsList } from "./batch-jobs-list";
import { NewBatchForm } from "./new-batch-form";

/** The Batch page: a new job (for those who may run one) above the workspace's jobs. */
export function BatchPage() {
  const { user } = useSession();
  return (
    <>
      {can(user.role, "batch.create") ? (
        <NewBatchForm />
      ) : (
        <p className="rounded-lg border border-border bg-surface p-4 text-sm text-muted">
          Viewers see the batch jobs; running one needs the member role. Ask an admin.
        </p>
      )}
      <BatchJobsList />
    </>
  );
}
