import { Suspense } from "react";
import { FilesPage } from "@/components/files/files-page";
import { PageHeader } from "@/components/shell/page-header";
import { LoadingState } from "@/components/ui/states";

export const metadata = { title: "Files" };

export default function Page() {
  return (
    <>
      <PageHeader
        title="Files"
        description="Files for fine-tuning, batch jobs, OCR and transcription: JSON Lines are checked in your browser before they are uploaded."
      />
      <Suspense fallback={<LoadingState label="Loading files…" />}>
        <FilesPage />
      </Suspense>
    </>
  );
}
