"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Controller, useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { useSession } from "@/components/auth/session";
import {
  UploadedFile,
  usePreselectedFile,
  useUploadedFileName,
} from "@/components/files/uploaded-file";
import { FileDrop } from "@/components/inference/file-drop";
import { ModelPicker } from "@/components/inference/model-picker";
import { RunError } from "@/components/playground/run-error";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/states";
import { api, unwrap } from "@/lib/api/client";
import { toApiError } from "@/lib/api/errors";
import { can } from "@/lib/auth/permissions";
import { uploadFile } from "@/lib/files/upload";
import { documentKind, OCR_ACCEPT, ocrRequest, PAGES_PATTERN } from "@/lib/ocr/ocr";
import { OcrResult } from "./ocr-result";

const schema = z
  .object({
    model: z.string().min(1, "Choose a model."),
    file: z
      .instanceof(File, { message: "Choose a PDF or an image." })
      .nullable()
      .refine(
        (f) => !f || documentKind(f) !== null,
        "OCR reads PDFs and images (PNG, JPEG, GIF, WebP, AVIF).",
      ),
    /** An uploaded document (the Files page's "Open in OCR"), read by its id instead. */
    fileId: z.string().nullable(),
    pages: z
      .string()
      .refine(
        (p) => !p.trim() || PAGES_PATTERN.test(p),
        "Page numbers from 0 and ranges, like 0,2-4.",
      ),
    includeImages: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (!v.file && !v.fileId) {
      ctx.addIssue({ code: "custom", path: ["file"], message: "Choose a PDF or an image." });
    }
  });
type Input = z.input<typeof schema>;
type Values = z.output<typeof schema>;

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * OCR of a PDF or an image: a PDF is uploaded with purpose `ocr` and read by file id, an image
 * goes inline. Each page's markdown is shown beside its picture (the image itself, the images the
 * API extracted, or the page's size), with downloads of the markdown and the JSON.
 */
export function OcrPage() {
  const { user } = useSession();
  const [preselected, clearPreselected] = usePreselectedFile();
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(schema),
    defaultValues: { model: "", file: null, fileId: preselected, pages: "", includeImages: true },
  });
  const fileId = useWatch({ control: form.control, name: "fileId" });
  const uploadedName = useUploadedFileName(fileId);
  const run = useMutation({
    mutationFn: async (v: Values) => {
      if (v.fileId) {
        const body = ocrRequest(
          v.model,
          { fileId: v.fileId },
          { includeImages: v.includeImages, pages: v.pages },
        );
        const response = await unwrap(api.POST("/v1/ocr", { body }));
        return { response, file: { name: uploadedName ?? v.fileId }, imageUrl: null };
      }
      const file = v.file!;
      const imageUrl = documentKind(file) === "image" ? await readDataUrl(file) : null;
      const document = imageUrl
        ? { dataUrl: imageUrl }
        : { fileId: (await uploadFile(file, { purpose: "ocr" })).id };
      const body = ocrRequest(v.model, document, {
        includeImages: v.includeImages,
        pages: v.pages,
      });
      const response = await unwrap(api.POST("/v1/ocr", { body }));
      return { response, file, imageUrl };
    },
  });
  const submit = form.handleSubmit((v) => run.mutate(v));
  const allowed = can(user.role, "playground.use");
  // Nothing to send until the models have arrived and one is chosen.
  const model = useWatch({ control: form.control, name: "model" });

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(18rem,22rem)_1fr]">
      <form onSubmit={submit} aria-label="OCR" className="flex flex-col gap-4" noValidate>
        {fileId ? (
          <UploadedFile
            id={fileId}
            label="Document"
            disabled={run.isPending}
            onClear={() => {
              form.setValue("fileId", null);
              clearPreselected();
            }}
          />
        ) : (
          <Controller
            control={form.control}
            name="file"
            render={({ field, fieldState }) => (
              <FileDrop
                label="Document (PDF or image)"
                hint="A PDF (every page is read) or a PNG, JPEG, GIF, WebP or AVIF image."
                accept={OCR_ACCEPT}
                file={field.value}
                onFile={field.onChange}
                error={fieldState.error?.message}
                disabled={run.isPending}
              />
            )}
          />
        )}
        <Controller
          control={form.control}
          name="model"
          render={({ field, fieldState }) => (
            <ModelPicker
              task="ocr"
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
            />
          )}
        />
        <Field
          label="Pages (optional)"
          description="From 0: 0,2-4. Empty reads every page."
          error={form.formState.errors.pages?.message}
        >
          {(ids) => (
            <input
              {...ids}
              {...form.register("pages")}
              className={inputClass}
              placeholder="All pages"
            />
          )}
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...form.register("includeImages")} />
          Include the images found in the pages
        </label>
        <Button type="submit" variant="primary" disabled={run.isPending || !allowed || !model}>
          {run.isPending ? "Reading…" : "Run OCR"}
        </Button>
        {!allowed && (
          <p className="text-sm text-muted">Running OCR needs the member role. Ask an admin.</p>
        )}
        {run.error && <RunError error={toApiError(run.error)} onRetry={() => void submit()} />}
      </form>

      <div className="min-w-0">
        {run.data ? (
          <OcrResult {...run.data} />
        ) : (
          <EmptyState title={run.isPending ? "Reading the document…" : "No document read yet"}>
            {run.isPending
              ? "Each page's text appears here with its picture."
              : "Drop a PDF or an image and run OCR: each page's text appears here, as markdown, beside its picture."}
          </EmptyState>
        )}
      </div>
    </div>
  );
}
