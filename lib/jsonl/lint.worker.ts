// Module worker: lints one file off the main thread so the page stays responsive.
// Started by worker-client.ts; the tested logic lives in worker-protocol.ts.
import { runLintRequest, type LintRequest, type LintResponse } from "./worker-protocol";

// tsconfig has the DOM lib, not the WebWorker one: name the two members we use.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LintRequest>) => void) | null;
  postMessage(message: LintResponse): void;
};

scope.onmessage = (event) => {
  void runLintRequest(event.data, (message) => scope.postMessage(message));
};
