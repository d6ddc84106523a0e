import { Suspense } from "react";
import { OcrPage } from "@/components/ocr/ocr-page";
import { PageHeader } from "@/components/shell/page-header";
import { LoadingState } from "@/components/ui/states";

export const metadata = { title: "OCR" };

export default function Page() {
  return (
    <>
      <PageHeader
        title="OCR"
        description="Read the text of a PDF or an image as markdown, page by page."
      />
      {/* The page reads the file the address preselects (?file=). */}
      <Suspense fallback={<LoadingState label="Loading OCR…" />}>
        <OcrPage />
      </Suspense>
    </>
  );
}
