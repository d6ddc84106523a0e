"use client";

import dynamic from "next/dynamic";
import { LoadingState } from "@/components/ui/states";

// Browser only: the conversations live in localStorage, read once when the page opens.
const ChatPlayground = dynamic(() => import("./chat-playground").then((m) => m.ChatPlayground), {
  ssr: false,
  loading: () => <LoadingState label="Loading the chat…" />,
});

export function ChatPage({ initialModel }: { initialModel?: string }) {
  return <ChatPlayground key={initialModel ?? ""} initialModel={initialModel} />;
}
