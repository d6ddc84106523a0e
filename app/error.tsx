"use client";

import { Button } from "@/components/ui/button";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="mx-auto flex min-h-[70vh] max-w-md flex-col items-center justify-center gap-3 px-6 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong on this page</h1>
      <p className="text-muted">
        The page hit an unexpected error. Your data on the server is unaffected. Try again, and if
        it keeps happening, reload the page.
      </p>
      {error.digest && <p className="font-mono text-xs text-muted">Reference: {error.digest}</p>}
      <Button variant="primary" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}
