"use client";

import dynamic from "next/dynamic";
import "./markdown.css";

// The Markdown parser and highlighter load only when an answer is shown; until then, plain text.
const MarkdownView = dynamic(() => import("./markdown"), {
  ssr: false,
  loading: () => null,
});

/** An assistant's text: Markdown, or the raw JSON when the answer was asked for as JSON. */
export function AnswerView({
  text,
  streaming = false,
  json = false,
}: {
  text: string;
  streaming?: boolean;
  json?: boolean;
}) {
  if (json) {
    return (
      <pre
        className="pg-pre rounded-md border border-border bg-surface-2 whitespace-pre-wrap"
        data-testid="json-answer"
      >
        {text}
      </pre>
    );
  }
  return <MarkdownView text={text} streaming={streaming} />;
}
