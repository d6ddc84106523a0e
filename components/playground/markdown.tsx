"use client";

// The Markdown renderer with highlighted code. Heavy (parser + highlighter): load it with
// next/dynamic, only where an answer is shown.
import { memo, useMemo } from "react";
import Markdown, { type Components } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import remarkGfm from "remark-gfm";
import { CopyButton } from "@/components/ui/copy-button";
import { splitBlocks } from "@/lib/playground/blocks";
import "./markdown.css";

type HastNode = { type: string; value?: string; children?: HastNode[] };

function textOf(node: HastNode | undefined): string {
  if (!node) return "";
  if (node.type === "text") return node.value ?? "";
  return (node.children ?? []).map(textOf).join("");
}

const components: Components = {
  pre({ node, children }) {
    const code = textOf(node as HastNode).replace(/\n$/, "");
    return (
      <div className="pg-code">
        <div className="pg-code-bar">
          <CopyButton text={code} label="Copy code" />
        </div>
        <pre>{children}</pre>
      </div>
    );
  },
  a({ href, children }) {
    return (
      <a href={href} target="_blank" rel="noreferrer noopener">
        {children}
      </a>
    );
  },
};

const remarkPlugins = [remarkGfm];
const settledRehype = [rehypeHighlight];
const noRehype: [] = [];

/** One block, parsed once: React skips it while later blocks stream in. */
const Block = memo(function Block({ text, highlight }: { text: string; highlight: boolean }) {
  return (
    <Markdown
      remarkPlugins={remarkPlugins}
      rehypePlugins={highlight ? settledRehype : noRehype}
      components={components}
    >
      {text}
    </Markdown>
  );
});

/**
 * Renders Markdown block by block. While streaming, only the last (growing) block is parsed again,
 * and without the highlighter; settled blocks keep their rendered output.
 */
export default function MarkdownView({
  text,
  streaming = false,
}: {
  text: string;
  streaming?: boolean;
}) {
  const blocks = useMemo(() => splitBlocks(text), [text]);
  return (
    <div className="pg-markdown">
      {blocks.map((b, i) => (
        <Block key={i} text={b} highlight={!streaming || i < blocks.length - 1} />
      ))}
    </div>
  );
}
