import Link from "next/link";
import { Suspense } from "react";
import { JobsList } from "@/components/fine-tuning/jobs-list";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClass } from "@/components/ui/button";
import { LoadingState } from "@/components/ui/states";

export const metadata = { title: "Fine-tuning" };

export default function FineTuningPage() {
  return (
    <>
      <PageHeader
        title="Fine-tuning"
        description="Jobs and their progress. Filters are kept in the address, so a view can be shared."
        actions={
          <Link href="/fine-tuning/new" className={buttonClass("primary")}>
            New job
          </Link>
        }
      />
      <Suspense fallback={<LoadingState label="Loading jobs…" />}>
        <JobsList />
      </Suspense>
    </>
  );
}
