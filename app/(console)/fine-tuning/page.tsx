import { Suspense } from "react";
import { JobsList } from "@/components/fine-tuning/jobs-list";
import { JobsPageDescription } from "@/components/fine-tuning/jobs-page-description";
import { NewJobLink } from "@/components/fine-tuning/new-job-link";
import { PageHeader } from "@/components/shell/page-header";
import { LoadingState } from "@/components/ui/states";

export const metadata = { title: "Fine-tuning" };

export default function FineTuningPage() {
  return (
    <>
      <PageHeader
        title="Fine-tuning"
        description={<JobsPageDescription />}
        actions={<NewJobLink />}
      />
      <Suspense fallback={<LoadingState label="Loading jobs…" />}>
        <JobsList />
      </Suspense>
    </>
  );
}
