import { SetupForm } from "@/components/auth/setup-form";
import { getAuthContext } from "@/lib/server/auth";
import { setupNeeded } from "@/lib/server/auth/users";

export const metadata = { title: "Set up · Mistral Console" };
export const dynamic = "force-dynamic";

export default async function SetupPage() {
  return <SetupForm setupNeeded={await setupNeeded(await getAuthContext())} />;
}
