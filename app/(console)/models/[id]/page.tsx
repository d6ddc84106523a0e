import { ModelDetail } from "@/components/models/model-detail";

export const metadata = { title: "Model" };

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ModelDetail id={decode(id)} />;
}
