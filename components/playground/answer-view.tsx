"use client";

import dynamic from "next/dynamic";
import "./markdown.css";

// The Markdown parser and highlighter load only when an answer is shown; until then, plain text.
const MarkdownView = dynamic(() => import("./markdown"), {
  ssr: false,
  loading: () => null,
});

function looksLikeJson(text: string): boolean {
  const t = text.trim();
  if (!(t.startsWith("{") && t.endsWith("}")) && !(t.startsWith("[") && t.endsWith("]"))) {
    return false;
  }
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

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
  // Answers asked for as JSON, or that are JSON (e.g. from a JSON agent), show as the raw text.
  if (json || (!streaming && looksLikeJson(text))) {
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
