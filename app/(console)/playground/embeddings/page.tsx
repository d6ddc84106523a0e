import { EmbeddingsPlayground } from "@/components/playground/embeddings/embeddings-playground";

export const metadata = { title: "Playground · Embeddings" };

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<{ model?: string | string[] }>;
}) {
  const { model } = await searchParams;
  return (
    <EmbeddingsPlayground initialModel={Array.isArray(model) ? model[0] : model || undefined} />
  );
}
