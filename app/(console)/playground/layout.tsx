import { PlaygroundGate } from "@/components/playground/playground-gate";
import { PlaygroundTabs } from "@/components/playground/playground-tabs";
import { PageHeader } from "@/components/shell/page-header";

export default function PlaygroundLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <PageHeader
        title="Playground"
        description="Try models: streaming chat with tools and agents, code completion (FIM) and embeddings."
      />
      <PlaygroundGate>
        <PlaygroundTabs />
        {children}
      </PlaygroundGate>
    </>
  );
}
