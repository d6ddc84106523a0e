"use client";

import { describeError } from "@/lib/api/errors";
import { Button } from "./button";
import { Spinner } from "./spinner";

export function LoadingState({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="flex items-center justify-center gap-2 py-10 text-sm text-muted">
      <Spinner label={label} /> <span>{label}</span>
    </div>
  );
}

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: React.ReactNode;
  action?: React.ReactNode;
}) {
  return (
    <div className="rounded-lg border border-dashed border-border px-6 py-12 text-center">
      <p className="font-medium">{title}</p>
      {children && <div className="mt-1 text-sm text-muted">{children}</div>}
      {action && <div className="mt-4 flex justify-center">{action}</div>}
    </div>
  );
}

/** Says what went wrong and what to do next; offers a retry when one is given. */
export function ErrorState({
  error,
  onRetry,
  compact = false,
}: {
  error: unknown;
  onRetry?: () => void;
  compact?: boolean;
}) {
  const { title, hint, signIn } = describeError(error);
  return (
    <div
      role="alert"
      className={`rounded-lg border border-danger/40 bg-danger-soft text-sm ${compact ? "px-3 py-2" : "px-4 py-3"}`}
    >
      <p className="font-medium text-danger">{title}</p>
      <p className="mt-0.5 text-text">{hint}</p>
      {signIn && (
        // The console's own session ended: the sign-in page brings the user back here.
        <p className="mt-2">
          <a href={signIn} className="font-medium text-accent underline">
            Sign in again
          </a>
        </p>
      )}
      {onRetry && (
        <Button size="sm" className="mt-2" onClick={onRetry}>
          Retry
        </Button>
      )}
    </div>
  );
}
