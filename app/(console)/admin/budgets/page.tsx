import { BudgetsPage } from "@/components/budgets/budgets-page";

export const metadata = { title: "Budgets · Mistral Console" };

export default function Page() {
  return <BudgetsPage />;
}
