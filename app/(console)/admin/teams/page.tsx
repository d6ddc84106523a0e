import { TeamsPage } from "@/components/teams/teams-page";

export const metadata = { title: "Teams · Mistral Console" };

export default function Page() {
  return <TeamsPage />;
}
