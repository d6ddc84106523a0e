import { OcrPage } from "@/components/ocr/ocr-page";
import { PageHeader } from "@/components/shell/page-header";

export const metadata = { title: "OCR" };

export default function Page() {
  return (
    <>
      <PageHeader
        title="OCR"
        description="Read the text of a PDF or an image as markdown, page by page."
      />
      <OcrPage />
    </>
  );
}
