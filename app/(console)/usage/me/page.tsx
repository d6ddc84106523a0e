import { MyUsagePage } from "@/components/budgets/my-usage-page";

export const metadata = { title: "My usage · Mistral Console" };

export default function Page() {
  return <MyUsagePage />;
}
