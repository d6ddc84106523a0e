import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getAuthContext } from "@/lib/server/auth";
import { setupNeeded } from "@/lib/server/auth/users";
import { routes } from "@/lib/routes";

export const metadata = { title: "Sign in · Mistral Console" };
export const dynamic = "force-dynamic";

// With no account yet there is nobody to sign in as: first-run setup comes first.
export default async function SignInPage() {
  if (await setupNeeded(await getAuthContext())) redirect(routes.setup());
  return <SignInForm />;
}
