import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { routes } from "@/lib/routes";
import { getAuthContext } from "@/lib/server/auth";
import { authInfo } from "@/lib/server/auth/users";

export const metadata = { title: "Sign in · Mistral Console" };
export const dynamic = "force-dynamic";

// With no account yet there is nobody to sign in as: first-run setup comes first.
export default async function SignInPage() {
  const info = await authInfo(await getAuthContext());
  if (info.setupNeeded) redirect(routes.setup());
  return <SignInForm oidc={info.oidc} />;
}
