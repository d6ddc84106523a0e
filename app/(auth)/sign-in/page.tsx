import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata = { title: "Sign in · Mistral Console" };

export default function SignInPage() {
  return <SignInForm />;
}
