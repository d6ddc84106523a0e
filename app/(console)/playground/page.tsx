import { ChatPage } from "@/components/playground/chat/chat-page";

export const metadata = { title: "Playground · Chat" };

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<{ model?: string | string[] }>;
}) {
  const { model } = await searchParams;
  return <ChatPage initialModel={Array.isArray(model) ? model[0] : model || undefined} />;
}
