import { UsagePage } from "@/components/auth/usage-page";

export const metadata = { title: "Usage · Mistral Console" };

export default function Page() {
  return <UsagePage />;
}
