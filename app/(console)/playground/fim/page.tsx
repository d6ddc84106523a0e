import { FimPlayground } from "@/components/playground/fim/fim-playground";

export const metadata = { title: "Playground · FIM" };

export default function Page() {
  return <FimPlayground />;
}
