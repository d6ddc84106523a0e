"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { formatWait } from "@/components/budgets/format";
import { canRetry, describeError, type ApiError } from "@/lib/api/errors";
import { BUDGET_EXCEEDED } from "@/lib/console/budgets";

/**
 * An error where it happened, with what to do: a 429 counts down its Retry-After before Retry is
 * offered, a cut-off answer says its partial text was kept. Retry is offered only where sending
 * the same request again can help (see canRetry); otherwise it says to change the request.
 */
export function RunError({
  error,
  onRetry,
  keptPartial = false,
  note,
}: {
  error: ApiError;
  onRetry?: () => void;
  keptPartial?: boolean;
  /** Where to look next, e.g. which control a 422 is about. */
  note?: string;
}) {
  // Counted against the clock, not by ticks: a background tab's timers slow down, and a budget's
  // wait can last hours, so Retry is offered when Retry-After has really passed.
  const [deadline] = useState(() =>
    error.status === 429 && error.retryAfter != null
      ? Date.now() + Math.ceil(error.retryAfter) * 1000
      : 0,
  );
  const [now, setNow] = useState(() => Date.now());
  const left = Math.max(0, Math.ceil((deadline - now) / 1000));
  useEffect(() => {
    if (deadline === 0) return;
    const t = setInterval(() => {
      const n = Date.now();
      setNow(n);
      if (n >= deadline) clearInterval(t);
    }, 1000);
    return () => clearInterval(t);
  }, [deadline]);

  if (error.kind === "aborted") {
    return (
      <p role="status" className="text-xs text-muted">
        Stopped. {keptPartial ? "The answer so far is kept." : "Nothing had arrived yet."}
      </p>
    );
  }
  const described = describeError(error);
  const { signIn } = described;
  // A budget's hard limit: its message names the budget, what was used and when it resets, and
  // the wait may be hours or days (read as such, not as 86399 s).
  const budget = error.status === 429 && error.code === BUDGET_EXCEEDED;
  const title = budget ? "Budget reached" : described.title;
  const retryable = canRetry(error);
  const waitHint =
    error.status === 429
      ? `${budget ? error.message : "Too many requests."} ${
          left > 0 ? `You can retry in ${formatWait(left)}.` : "You can retry now."
        }`
      : described.hint;
  return (
    <div
      role="alert"
      className="rounded-lg border border-danger/40 bg-danger-soft px-3 py-2 text-sm"
    >
      <p className="font-medium text-danger">{title}</p>
      <p className="mt-0.5">{waitHint}</p>
      {keptPartial && (error.kind === "interrupted" || error.kind === "network") && (
        <p className="mt-0.5 text-muted">The part of the answer that arrived is kept above.</p>
      )}
      {note && <p className="mt-0.5 text-muted">{note}</p>}
      {!retryable &&
        !signIn &&
        error.status >= 400 &&
        error.status < 500 &&
        error.status !== 401 && (
          <p className="mt-0.5 text-muted">
            Sending the same request again would fail the same way: change it, then send again.
          </p>
        )}
      {signIn ? (
        <a href={signIn} className="mt-1 inline-block font-medium text-accent underline">
          Sign in again
        </a>
      ) : (
        onRetry &&
        retryable && (
          <Button size="sm" className="mt-2" disabled={left > 0} onClick={onRetry}>
            {left > 0 ? `Retry in ${formatWait(left)}` : "Retry"}
          </Button>
        )
      )}
    </div>
  );
}
