import { EmbeddingsPlayground } from "@/components/playground/embeddings/embeddings-playground";

export const metadata = { title: "Playground · Embeddings" };

export default function Page() {
  return <EmbeddingsPlayground />;
}
