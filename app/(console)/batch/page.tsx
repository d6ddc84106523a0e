import { Suspense } from "react";
import { BatchPage } from "@/components/batch/batch-page";
import { PageHeader } from "@/components/shell/page-header";
import { LoadingState } from "@/components/ui/states";

export const metadata = { title: "Batch" };

export default function Page() {
  return (
    <>
      <PageHeader
        title="Batch"
        description="Many requests at once, run by the API in the background at a lower price: type them or upload a batch file, then watch the job and download its results."
      />
      <Suspense fallback={<LoadingState label="Loading batch jobs…" />}>
        <BatchPage />
      </Suspense>
    </>
  );
}
