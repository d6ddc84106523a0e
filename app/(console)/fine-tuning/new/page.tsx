import Link from "next/link";
import { Suspense } from "react";
import { NewJob } from "@/components/fine-tuning/new-job";
import { PageHeader } from "@/components/shell/page-header";
import { LoadingState } from "@/components/ui/states";
import { routes } from "@/lib/routes";

export const metadata = { title: "New fine-tuning job" };

export default function NewJobPage() {
  return (
    <div className="mx-auto max-w-5xl">
      <Link href={routes.jobs()} className="text-sm text-muted hover:text-text">
        ← Fine-tuning jobs
      </Link>
      <PageHeader
        title="New fine-tuning job"
        description="Choose a model and data, set the hyperparameters, check the dry run, then create."
      />
      <Suspense fallback={<LoadingState />}>
        <NewJob />
      </Suspense>
    </div>
  );
}
