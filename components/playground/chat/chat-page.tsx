"use client";

import dynamic from "next/dynamic";
import { LoadingState } from "@/components/ui/states";

// Browser only: the open conversation follows the address (?c=<id>) and the browser's history.
const ChatPlayground = dynamic(() => import("./chat-playground").then((m) => m.ChatPlayground), {
  ssr: false,
  loading: () => <LoadingState label="Loading the chat…" />,
});

export function ChatPage({
  initialModel,
  initialAgent,
}: {
  initialModel?: string;
  initialAgent?: string;
}) {
  return (
    <ChatPlayground
      key={`${initialModel ?? ""} ${initialAgent ?? ""}`}
      initialModel={initialModel}
      initialAgent={initialAgent}
    />
  );
}
