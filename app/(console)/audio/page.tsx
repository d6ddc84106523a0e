import { AudioPage } from "@/components/audio/audio-page";
import { PageHeader } from "@/components/shell/page-header";

export const metadata = { title: "Audio" };

export default function Page() {
  return (
    <>
      <PageHeader
        title="Audio"
        description="Transcribe an audio file, with a timestamp for each segment."
      />
      <AudioPage />
    </>
  );
}
