"use client";

// Last resort when the root layout itself fails: plain HTML, no providers.
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui", padding: "3rem", textAlign: "center" }}>
        <h1>The console failed to load</h1>
        <p>An unexpected error stopped the page. Reload, or try again.</p>
        <button onClick={reset}>Try again</button>
      </body>
    </html>
  );
}
