import { PageHeader } from "@/components/shell/page-header";

export const metadata = { title: "Playground" };

export default function Page() {
  return (
    <PageHeader
      title="Playground"
      description="Chat, FIM code completion, agents and embeddings."
    />
  );
}
