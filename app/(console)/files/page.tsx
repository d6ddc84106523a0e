import { PageHeader } from "@/components/shell/page-header";

export const metadata = { title: "Files" };

export default function Page() {
  return <PageHeader title="Files" description="Training data for fine-tuning." />;
}
