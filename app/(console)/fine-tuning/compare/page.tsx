import Link from "next/link";
import { Suspense } from "react";
import { CompareView } from "@/components/fine-tuning/compare-view";
import { PageHeader } from "@/components/shell/page-header";
import { LoadingState } from "@/components/ui/states";
import { routes } from "@/lib/routes";

export const metadata = { title: "Compare fine-tuning jobs" };

export default function ComparePage() {
  return (
    <>
      <Link href={routes.jobs()} className="text-sm text-muted hover:text-text">
        ← Fine-tuning jobs
      </Link>
      <PageHeader title="Compare jobs" description="Loss curves of the chosen jobs on one chart." />
      <Suspense fallback={<LoadingState />}>
        <CompareView />
      </Suspense>
    </>
  );
}
