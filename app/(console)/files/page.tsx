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
        description="Training data for fine-tuning: each file is checked in your browser before it is uploaded."
      />
      <Suspense fallback={<LoadingState label="Loading files…" />}>
        <FilesPage />
      </Suspense>
    </>
  );
}
