// Reads a body whole, but never more than a limit (JSON bodies, error pages).

/** Reads a stream up to `limit` bytes; `complete` is false (and the rest cancelled) past it. */
export async function readCapped(
  stream: ReadableStream<Uint8Array>,
  limit: number,
): Promise<{ bytes: Uint8Array; complete: boolean }> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return { bytes: concat(chunks, size - value.byteLength), complete: false };
    }
    chunks.push(value);
  }
  return { bytes: concat(chunks, size), complete: true };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
