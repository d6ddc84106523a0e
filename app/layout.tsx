import type { Metadata } from "next";
import { connection } from "next/server";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Mistral Console", template: "%s · Mistral Console" },
  description: "A self-hosted console for the Mistral AI API",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: proxy.ts gives each one a fresh CSP nonce, which Next puts
  // on its scripts while rendering. A page prerendered at build time would carry no nonce, and
  // its scripts would be blocked.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
