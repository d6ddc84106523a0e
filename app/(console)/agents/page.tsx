import { AgentsPage } from "@/components/agents/agents-page";

export const metadata = { title: "Agents" };

export default function Page() {
  return <AgentsPage />;
}
