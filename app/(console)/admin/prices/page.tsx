import { PricesPage } from "@/components/budgets/prices-page";

export const metadata = { title: "Prices · Mistral Console" };

export default function Page() {
  return <PricesPage />;
}
