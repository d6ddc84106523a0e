/** What `download()` saves: the file's name, its text and its media type. */
export interface Download {
  fileName: string;
  text: string;
  /** The file's media type; plain UTF-8 text when omitted. */
  type?: string;
}

/**
 * Saves text as a file in the browser, as if the user had clicked a link to it. The link is in the
 * document while it is clicked (Firefox ignores clicks on detached links), and the object URL is
 * revoked once the browser has had time to start the download.
 */
export function download({ fileName, text, type = "text/plain;charset=utf-8" }: Download): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
