import { FimPlayground } from "@/components/playground/fim/fim-playground";

export const metadata = { title: "Playground · FIM" };

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<{ model?: string | string[] }>;
}) {
  const { model } = await searchParams;
  return <FimPlayground initialModel={Array.isArray(model) ? model[0] : model || undefined} />;
}
