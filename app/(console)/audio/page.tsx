import { Suspense } from "react";
import { AudioPage } from "@/components/audio/audio-page";
import { PageHeader } from "@/components/shell/page-header";
import { LoadingState } from "@/components/ui/states";

export const metadata = { title: "Audio" };

export default function Page() {
  return (
    <>
      <PageHeader
        title="Audio"
        description="Transcribe an audio file, with a timestamp for each segment."
      />
      {/* The page reads the file the address preselects (?file=). */}
      <Suspense fallback={<LoadingState label="Loading audio…" />}>
        <AudioPage />
      </Suspense>
    </>
  );
}
