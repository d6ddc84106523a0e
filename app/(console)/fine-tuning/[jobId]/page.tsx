import { JobDetail } from "@/components/fine-tuning/job-detail";

export const metadata = { title: "Fine-tuning job" };

export default async function JobPage({ params }: { params: Promise<{ jobId: string }> }) {
  const { jobId } = await params;
  return <JobDetail id={jobId} />;
}
