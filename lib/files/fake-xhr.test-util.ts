// A scripted XMLHttpRequest for tests: the edge of the upload path. Everything above it
// (FormData, progress, error parsing) runs for real.
export class FakeXHR {
  static last: FakeXHR | null = null;
  method = "";
  url = "";
  body: FormData | null = null;
  headers: Record<string, string> = {};
  status = 0;
  statusText = "";
  responseText = "";
  responseType = "";
  responseHeaders = "";
  aborted = false;
  upload: {
    onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null;
  } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  constructor() {
    FakeXHR.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  getAllResponseHeaders() {
    return this.responseHeaders;
  }

  // Test controls
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total });
  }
  respond(
    status: number,
    body: string,
    headers = "content-type: application/json\r\n",
    statusText = "",
  ) {
    this.status = status;
    this.statusText = statusText;
    this.responseText = body;
    this.responseHeaders = headers;
    this.onload?.();
  }
}
