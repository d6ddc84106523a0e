import { Suspense } from "react";
import { LoadingState } from "@/components/ui/states";
import { ModelsPage } from "@/components/models/models-page";

export const metadata = { title: "Models" };

export default function Page() {
  // The table reads its filter and sort from the URL, which only the browser knows.
  return (
    <Suspense fallback={<LoadingState label="Loading models…" />}>
      <ModelsPage />
    </Suspense>
  );
}
