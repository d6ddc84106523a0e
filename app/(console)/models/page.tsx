import { PageHeader } from "@/components/shell/page-header";

export const metadata = { title: "Models" };

export default function Page() {
  return <PageHeader title="Models" description="Base and fine-tuned models." />;
}
