"use client";

// CodeMirror for the FIM prompt and suffix. Heavy: the FIM page loads it with next/dynamic.
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { tags as t } from "@lezer/highlight";
import CodeMirror, { EditorView, type Extension } from "@uiw/react-codemirror";
import { useEffect, useMemo, useState } from "react";
import type { CodeLanguage } from "./languages";

// Each language's grammar loads when first chosen, so the page ships only the one in use.
const LANGUAGES: Record<CodeLanguage, () => Promise<Extension>> = {
  python: () => import("@codemirror/lang-python").then((m) => m.python()),
  javascript: () => import("@codemirror/lang-javascript").then((m) => m.javascript({ jsx: true })),
  typescript: () =>
    import("@codemirror/lang-javascript").then((m) =>
      m.javascript({ typescript: true, jsx: true }),
    ),
  rust: () => import("@codemirror/lang-rust").then((m) => m.rust()),
  java: () => import("@codemirror/lang-java").then((m) => m.java()),
  cpp: () => import("@codemirror/lang-cpp").then((m) => m.cpp()),
};
const loadedLanguages = new Map<CodeLanguage, Extension>();

/** The grammar of `language`, or null while it loads (the editor works meanwhile, unhighlighted). */
function useLanguage(language: CodeLanguage): Extension | null {
  const [, setLoaded] = useState(0);
  useEffect(() => {
    if (loadedLanguages.has(language)) return;
    let live = true;
    // A grammar that fails to load leaves the editor unhighlighted (the error shows in the console).
    void LANGUAGES[language]().then((extension) => {
      loadedLanguages.set(language, extension);
      if (live) setLoaded((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [language]);
  return loadedLanguages.get(language) ?? null;
}

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
  const grammar = useLanguage(language);
  const extensions = useMemo(
    () => [
      ...(grammar ? [grammar] : []),
      theme,
      highlight,
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({
        "aria-label": label,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
      }),
    ],
    [grammar, label, describedBy],
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
