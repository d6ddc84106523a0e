"use client";
/* eslint-disable @next/next/no-img-element -- page pictures are data URLs (the user's image, the
   API's extracted images): nothing for next/image to optimise */

import dynamic from "next/dynamic";
import { Button } from "@/components/ui/button";
import { formatBytes, formatNumber } from "@/lib/format";
import { documentMarkdown, imageSrc, type OCRPage, type OCRResponse } from "@/lib/ocr/ocr";
import { download } from "@/lib/ui/download";

// The Markdown parser loads only once a document has been read.
const MarkdownView = dynamic(() => import("@/components/playground/markdown"), { ssr: false });

function PagePicture({
  page,
  imageUrl,
  name,
}: {
  page: OCRPage;
  imageUrl: string | null;
  name: string;
}) {
  const d = page.dimensions;
  if (imageUrl) {
    return (
      <img
        src={imageUrl}
        alt={`Page ${page.index + 1} of ${name}`}
        className="w-full rounded-md border border-border"
      />
    );
  }
  const images = page.images.filter((i) => i.image_base64);
  if (images.length) {
    return (
      <div className="flex flex-col gap-2">
        {images.map((i) => (
          <img
            key={i.id}
            src={imageSrc(i.image_base64!, i.id)}
            alt={`Image ${i.id} from page ${page.index + 1}`}
            className="w-full rounded-md border border-border"
          />
        ))}
      </div>
    );
  }
  return (
    <div
      className="flex w-full max-w-32 items-center justify-center rounded-md border border-dashed border-border bg-surface-2 p-3 text-center text-xs text-muted md:max-w-none"
      style={{
        aspectRatio: d && d.width > 0 && d.height > 0 ? `${d.width} / ${d.height}` : "3 / 4",
      }}
    >
      {d
        ? `${formatNumber(d.width)} × ${formatNumber(d.height)} px at ${d.dpi} dpi`
        : "No page picture"}
    </div>
  );
}

/** The pages read, each markdown beside its picture, with usage and downloads. */
export function OcrResult({
  response,
  file,
  imageUrl,
}: {
  response: OCRResponse;
  /** The document read (a local file, or an uploaded one by its name). */
  file: { name: string };
  /** The image read, as the data URL sent: it is the page's picture. */
  imageUrl: string | null;
}) {
  const base = file.name.replace(/\.[^.]+$/, "") || "document";
  const pages = response.usage_info.pages_processed;
  return (
    <section aria-labelledby="ocr-result-title" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <h2 id="ocr-result-title" className="text-base font-semibold">
            {file.name}
          </h2>
          <p className="text-sm text-muted" data-testid="ocr-usage">
            {formatNumber(pages)} page{pages === 1 ? "" : "s"} processed
            {response.usage_info.doc_size_bytes != null &&
              ` · ${formatBytes(response.usage_info.doc_size_bytes)}`}{" "}
            · {response.model}
          </p>
        </div>
        <div className="flex gap-2">
          <Button
            size="sm"
            onClick={() =>
              download({
                fileName: `${base}.md`,
                text: documentMarkdown(response),
                type: "text/markdown;charset=utf-8",
              })
            }
          >
            Download markdown
          </Button>
          <Button
            size="sm"
            onClick={() =>
              download({
                fileName: `${base}.ocr.json`,
                text: JSON.stringify(response, null, 2),
                type: "application/json",
              })
            }
          >
            Download JSON
          </Button>
        </div>
      </div>
      {response.pages.length === 0 && (
        <p className="text-sm text-muted">The answer holds no page.</p>
      )}
      {response.pages.map((page) => (
        <article
          key={page.index}
          aria-labelledby={`ocr-page-${page.index}`}
          className="grid gap-4 rounded-lg border border-border bg-surface p-4 md:grid-cols-[minmax(10rem,16rem)_1fr]"
        >
          <h3 id={`ocr-page-${page.index}`} className="text-sm font-semibold md:col-span-2">
            Page {page.index + 1}
          </h3>
          <PagePicture page={page} imageUrl={imageUrl} name={file.name} />
          <div className="min-w-0 text-sm">
            {page.header && <p className="mb-2 text-xs text-muted">Header: {page.header}</p>}
            {page.markdown.trim() ? (
              <MarkdownView text={page.markdown} />
            ) : (
              <p className="text-muted">No text on this page.</p>
            )}
            {page.footer && <p className="mt-2 text-xs text-muted">Footer: {page.footer}</p>}
          </div>
        </article>
      ))}
    </section>
  );
}
