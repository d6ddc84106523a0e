// Splits Markdown into top-level blocks so a streamed answer re-parses only its last block.

/**
 * Blocks end at a blank line outside a fenced code block. Joining the blocks with "\n\n" gives
 * back the same document, and a block, once followed by another, never changes again.
 */
export function splitBlocks(markdown: string): string[] {
  const blocks: string[] = [];
  let fence: string | null = null;
  let start = 0;
  let pos = 0;
  while (pos <= markdown.length) {
    let end = markdown.indexOf("\n", pos);
    if (end < 0) end = markdown.length;
    const line = markdown.slice(pos, end);
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (marker) {
      if (fence == null) fence = marker[1];
      else if (
        marker[1][0] === fence[0] &&
        marker[1].length >= fence.length &&
        !line.trim().slice(marker[1].length)
      )
        fence = null;
    } else if (fence == null && line.trim() === "") {
      if (pos > start) blocks.push(markdown.slice(start, pos - 1));
      start = end + 1;
    }
    pos = end + 1;
  }
  if (start < markdown.length) blocks.push(markdown.slice(start));
  return blocks.filter((b) => b.trim() !== "");
}
