import { SsoPage } from "@/components/sso/sso-page";

export const metadata = { title: "Directory groups · Mistral Console" };

export default function Page() {
  return <SsoPage />;
}
