import { BatchJobDetail } from "@/components/batch/batch-job-detail";

export const metadata = { title: "Batch job" };

export default async function BatchJobPage({ params }: { params: Promise<{ jobId: string }> }) {
  const { jobId } = await params;
  return <BatchJobDetail id={jobId} />;
}
