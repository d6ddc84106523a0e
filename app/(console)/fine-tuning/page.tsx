import { PageHeader } from "@/components/shell/page-header";

export const metadata = { title: "Fine-tuning" };

export default function Page() {
  return <PageHeader title="Fine-tuning" description="Jobs and their progress." />;
}
