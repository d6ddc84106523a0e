import { ChatPage } from "@/components/playground/chat/chat-page";

export const metadata = { title: "Playground · Chat" };

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<{ model?: string | string[]; agent?: string | string[] }>;
}) {
  const { model, agent } = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v || undefined);
  return <ChatPage initialModel={first(model)} initialAgent={first(agent)} />;
}
