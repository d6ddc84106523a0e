/** What `download()` saves: the file's name, its text (or bytes) and its media type. */
export interface Download {
  fileName: string;
  /** Text, or bytes as fetched (a PDF, an audio file). */
  text: string | Blob;
  /** The file's media type; plain UTF-8 text when omitted. */
  type?: string;
}

/**
 * Saves text as a file in the browser, as if the user had clicked a link to it. The link is in the
 * document while it is clicked (Firefox ignores clicks on detached links), and the object URL is
 * revoked once the browser has had time to start the download.
 */
export function download({ fileName, text, type }: Download): void {
  type ??= typeof text === "string" ? "text/plain;charset=utf-8" : text.type;
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
