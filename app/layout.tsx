import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Mistral Console",
  description: "A self-hosted console for the Mistral AI API",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
