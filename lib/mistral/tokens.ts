// A cheap, deterministic stand-in for a tokenizer: about one token per short word or symbol,
// close enough to Mistral's counts for estimates (the real API reports exact usage).
const TOKEN = /\s*[\p{L}\p{N}]{1,6}|\s*[^\s\p{L}\p{N}]|\s+/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export function countTokens(text: string): number {
  let n = 0;
  TOKEN.lastIndex = 0;
  while (TOKEN.exec(text)) n++;
  return n;
}
