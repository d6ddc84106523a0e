import { useId } from "react";

/** A labelled control with an optional explanation and error, wired for screen readers. */
export function Field({
  label,
  description,
  error,
  children,
  className = "",
}: {
  label: React.ReactNode;
  description?: React.ReactNode;
  error?: string | null;
  children: (ids: {
    id: string;
    "aria-describedby"?: string;
    "aria-invalid"?: boolean;
  }) => React.ReactNode;
  className?: string;
}) {
  const id = useId();
  const descId = description ? `${id}-desc` : undefined;
  const errId = error ? `${id}-err` : undefined;
  const describedBy = [descId, errId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {description && (
        <p id={descId} className="text-xs text-muted">
          {description}
        </p>
      )}
      {error && (
        <p id={errId} className="text-xs text-danger">
          {error}
        </p>
      )}
    </div>
  );
}

/** A text input's look at a given height and width (two Tailwind sizes on one element do not override each other). */
export function inputClassFor({ height = "h-9", width = "w-full" } = {}) {
  return `${height} ${width} rounded-md border border-border bg-surface px-2.5 text-sm text-text placeholder:text-muted aria-[invalid=true]:border-danger`;
}
export const inputClass = inputClassFor();
export const textareaClass =
  "w-full rounded-md border border-border bg-surface px-2.5 py-2 text-sm text-text placeholder:text-muted aria-[invalid=true]:border-danger";
