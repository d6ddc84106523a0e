import { TokensPage } from "@/components/auth/tokens-page";

export const metadata = { title: "Tokens · Mistral Console" };

export default function Page() {
  return <TokensPage />;
}
