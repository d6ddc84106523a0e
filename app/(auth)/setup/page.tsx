import { SetupForm } from "@/components/auth/setup-form";

export const metadata = { title: "Set up · Mistral Console" };

export default function SetupPage() {
  return <SetupForm />;
}
