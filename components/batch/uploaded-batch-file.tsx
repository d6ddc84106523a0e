"use client";

import { Field, inputClass } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { useFile, useFilesPage } from "@/lib/api/hooks/use-files";
import { formatNumber } from "@/lib/format";
import type { FileSchema } from "@/lib/mistral/types";

/** The newest batch input files (what a job reads): the first page of them. */
const BATCH_INPUTS = {
  page: 0,
  pageSize: 100,
  purpose: "batch",
  type: "batch_request",
  source: "",
  media: "",
  search: "",
};

const optionText = (f: FileSchema) =>
  `${f.filename}${f.num_lines != null ? ` (${formatNumber(f.num_lines)} request${f.num_lines === 1 ? "" : "s"})` : ""}`;

/**
 * Choose a batch file uploaded before: the newest batch input files, and the one the address
 * named (`?file=`) even when it is older than those or not a batch input (the API says why).
 */
export function UploadedBatchFile({
  value,
  onChange,
  error,
  disabled,
}: {
  value: string;
  onChange: (id: string) => void;
  error?: string;
  disabled?: boolean;
}) {
  const files = useFilesPage(BATCH_INPUTS);
  const list = files.data?.data ?? [];
  const chosen = useFile(value && !list.some((f) => f.id === value) ? value : null);
  const options = chosen.data ? [chosen.data, ...list] : list;
  const missing = !!value && !chosen.data && !list.some((f) => f.id === value);
  return (
    <Field
      label="Uploaded batch file"
      description="Batch files are uploaded on the Files page (purpose Batch) or above."
      error={error ?? (missing && chosen.isError ? `No file has the id ${value}.` : null)}
    >
      {(ids) =>
        files.isError && !files.data ? (
          <ErrorState compact error={files.error} onRetry={() => files.refetch()} />
        ) : (
          <select
            {...ids}
            className={inputClass}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            disabled={disabled || files.isPending}
          >
            <option value="">
              {files.isPending
                ? "Loading the batch files…"
                : options.length
                  ? "Choose a file"
                  : "No batch file uploaded yet"}
            </option>
            {missing && <option value={value}>{value}</option>}
            {options.map((f) => (
              <option key={f.id} value={f.id}>
                {optionText(f)}
              </option>
            ))}
          </select>
        )
      }
    </Field>
  );
}
