"use client";

// CodeMirror for the FIM prompt and suffix. Heavy: the FIM page loads it with next/dynamic.
import { cpp } from "@codemirror/lang-cpp";
import { java } from "@codemirror/lang-java";
import { javascript } from "@codemirror/lang-javascript";
import { python } from "@codemirror/lang-python";
import { rust } from "@codemirror/lang-rust";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { tags as t } from "@lezer/highlight";
import CodeMirror, { EditorView, type Extension } from "@uiw/react-codemirror";
import { useMemo } from "react";
import type { CodeLanguage } from "./languages";

const LANGUAGES: Record<CodeLanguage, () => Extension> = {
  python: () => python(),
  javascript: () => javascript({ jsx: true }),
  typescript: () => javascript({ typescript: true, jsx: true }),
  rust: () => rust(),
  java: () => java(),
  cpp: () => cpp(),
};

// Colours from the console's theme tokens, so the editor follows light and dark mode.
const theme = EditorView.theme({
  "&": { backgroundColor: "var(--surface)", color: "var(--text)", fontSize: "13px" },
  ".cm-content": { caretColor: "var(--text)", fontFamily: "var(--font-mono)" },
  ".cm-gutters": {
    backgroundColor: "var(--surface-2)",
    color: "var(--muted)",
    borderRight: "1px solid var(--border)",
  },
  ".cm-activeLine": { backgroundColor: "transparent" },
  "&.cm-focused .cm-activeLine": {
    backgroundColor: "color-mix(in oklab, var(--accent) 6%, transparent)",
  },
  ".cm-activeLineGutter": { backgroundColor: "transparent", color: "var(--text)" },
  "&.cm-focused": { outline: "2px solid var(--ring)" },
  ".cm-cursor": { borderLeftColor: "var(--text)" },
  ".cm-selectionBackground, &.cm-focused .cm-selectionBackground": {
    backgroundColor: "color-mix(in oklab, var(--accent) 25%, transparent)",
  },
});

// Syntax colours from the same tokens as the answers' code blocks (markdown.css).
const highlight = syntaxHighlighting(
  HighlightStyle.define([
    {
      tag: [t.keyword, t.controlKeyword, t.definitionKeyword, t.bool, t.null],
      color: "var(--accent)",
    },
    { tag: [t.string, t.special(t.string), t.regexp], color: "var(--success)" },
    { tag: [t.number, t.typeName, t.className], color: "var(--info)" },
    {
      tag: [t.function(t.variableName), t.function(t.definition(t.variableName))],
      color: "var(--warning)",
    },
    { tag: [t.comment, t.lineComment, t.blockComment], color: "var(--muted)", fontStyle: "italic" },
  ]),
);

export default function CodeEditor({
  value,
  onChange,
  language,
  label,
  describedBy,
  minHeight = "8rem",
}: {
  value: string;
  onChange: (v: string) => void;
  language: CodeLanguage;
  label: string;
  describedBy?: string;
  minHeight?: string;
}) {
  const extensions = useMemo(
    () => [
      LANGUAGES[language](),
      theme,
      highlight,
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({
        "aria-label": label,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
      }),
    ],
    [language, label, describedBy],
  );
  return (
    <div className="overflow-hidden rounded-md border border-border">
      <CodeMirror
        value={value}
        onChange={onChange}
        extensions={extensions}
        theme="none"
        minHeight={minHeight}
        maxHeight="22rem"
        basicSetup={{ foldGutter: false, highlightActiveLine: true, syntaxHighlighting: false }}
      />
    </div>
  );
}
