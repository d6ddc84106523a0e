// A scriptable stand-in for the Mistral API, for the "live-fake" e2e project: the console runs in
// live mode against it, so tests can make the upstream fail in ways the sandbox never does.
//
// By default it answers like a minimal Mistral API (GET /v1/models, POST /v1/chat/completions
// streamed or not) and refuses any key but the canary. Control API (no key needed):
//   POST /__fault {mode, path?, times?}  the next `times` (default 1) requests whose path starts
//                                        with `path` (default /v1/) behave as `mode`
//   GET  /__stats                        requests seen per "METHOD /path"
//   POST /__reset                        clears faults and counts
//   GET  /__health                       200 once listening
// Modes: cut (a stream breaks off after two chunks), hang (never answers), idle (a stream sends
// one chunk then nothing), html502, garbage502, 429 (Retry-After: 3), 503 (a JSON 503).
import http from "node:http";
import { CANARY_KEY } from "./canary";

type Mode = "cut" | "hang" | "idle" | "html502" | "garbage502" | "429" | "503";
interface Fault {
  mode: Mode;
  path: string;
  times: number;
}

const port = Number(process.env.FAKE_UPSTREAM_PORT ?? 3103);
let faults: Fault[] = [];
let counts: Record<string, number> = {};
/** Responses held open by "hang" and "idle", ended on reset so nothing lingers between tests. */
const held = new Set<http.ServerResponse>();

const MODELS = ["mistral-small-latest", "open-mistral-nemo"].map((id) => ({
  id,
  object: "model",
  created: 1_720_000_000,
  owned_by: "mistralai",
  root: null,
  archived: false,
  name: id,
  description: `${id} (fake upstream)`,
  capabilities: {
    completion_chat: true,
    completion_fim: false,
    function_calling: true,
    fine_tuning: false,
    vision: false,
  },
  max_context_length: 32768,
  aliases: [],
  deprecation: null,
  type: "base",
}));

const WORDS = "The mistral is a strong cold wind that blows through the Rhone valley".split(" ");

const chunk = (content: string, finish: string | null = null) =>
  `data: ${JSON.stringify({
    id: "fake-1",
    object: "chat.completion.chunk",
    created: Math.floor(Date.now() / 1000),
    model: "mistral-small-latest",
    choices: [{ index: 0, delta: { role: "assistant", content }, finish_reason: finish }],
    ...(finish
      ? {
          usage: {
            prompt_tokens: 5,
            completion_tokens: WORDS.length,
            total_tokens: 5 + WORDS.length,
          },
        }
      : {}),
  })}\n\n`;

const send = (res: http.ServerResponse, status: number, body: unknown, headers = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
};

function takeFault(path: string): Mode | null {
  const fault = faults.find((f) => path.startsWith(f.path));
  if (!fault) return null;
  if (--fault.times <= 0) faults = faults.filter((f) => f !== fault);
  return fault.mode;
}

function control(req: http.IncomingMessage, res: http.ServerResponse, body: string) {
  if (req.url === "/__health") return send(res, 200, { ok: true });
  if (req.url === "/__stats") return send(res, 200, counts);
  if (req.url === "/__reset" && req.method === "POST") {
    faults = [];
    counts = {};
    for (const r of held) r.destroy();
    held.clear();
    return send(res, 200, { ok: true });
  }
  if (req.url === "/__fault" && req.method === "POST") {
    const { mode, path = "/v1/", times = 1 } = JSON.parse(body) as Partial<Fault>;
    faults.push({ mode: mode!, path, times });
    return send(res, 200, { ok: true });
  }
  send(res, 404, { detail: "Not Found" });
}

async function streamChat(res: http.ServerResponse, mode: Mode | null) {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  if (mode === "idle") {
    held.add(res);
    res.write(chunk("The mistral is"));
    return; // and nothing more
  }
  const words = mode === "cut" ? WORDS.slice(0, 6) : WORDS;
  for (const [i, word] of words.entries()) {
    if (res.destroyed) return;
    res.write(chunk(i === 0 ? word : ` ${word}`));
    await new Promise((r) => setTimeout(r, 20));
  }
  if (mode === "cut") {
    // The connection drops mid-answer: no final chunk, no [DONE], no clean end of the body.
    res.socket?.destroy();
    return;
  }
  res.write(chunk("", "stop"));
  res.end("data: [DONE]\n\n");
}

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://fake");
    if (url.pathname.startsWith("/__")) return control(req, res, body);

    const key = `${req.method} ${url.pathname}`;
    counts[key] = (counts[key] ?? 0) + 1;
    if (req.headers.authorization !== `Bearer ${CANARY_KEY}`) {
      return send(res, 401, { message: "Unauthorized", request_id: "fake" });
    }
    const mode = takeFault(url.pathname);
    switch (mode) {
      case "hang":
        held.add(res);
        return;
      case "html502":
        res.writeHead(502, { "content-type": "text/html" });
        return res.end("<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>");
      case "garbage502":
        res.writeHead(502, { "content-type": "application/octet-stream" });
        return res.end(Buffer.from([0xff, 0x00, 0xfe, 0x7b, 0x22, 0x0a, 0x9c]));
      case "429":
        return send(
          res,
          429,
          { object: "error", message: "Requests rate limit exceeded", type: "rate_limited" },
          { "retry-after": "3", "x-ratelimit-remaining-requests": "0" },
        );
      case "503":
        return send(res, 503, {
          object: "error",
          message: "Service unavailable",
          type: "unavailable",
        });
    }
    if (req.method === "GET" && url.pathname === "/v1/models") {
      return send(res, 200, { object: "list", data: MODELS });
    }
    const model = MODELS.find((m) => url.pathname === `/v1/models/${m.id}`);
    if (req.method === "GET" && model) return send(res, 200, model);
    if (req.method === "GET" && url.pathname === "/v1/files") {
      return send(res, 200, { object: "list", data: [], total: 0 });
    }
    if (req.method === "GET" && url.pathname === "/v1/fine_tuning/jobs") {
      return send(res, 200, { object: "list", data: [], total: 0 });
    }
    if (req.method === "POST" && url.pathname === "/v1/chat/completions") {
      const parsed = JSON.parse(body) as { stream?: boolean };
      if (parsed.stream || mode === "cut" || mode === "idle") return void streamChat(res, mode);
      return send(res, 200, {
        id: "fake-1",
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: "mistral-small-latest",
        choices: [
          {
            index: 0,
            message: { role: "assistant", content: WORDS.join(" ") },
            finish_reason: "stop",
          },
        ],
        usage: {
          prompt_tokens: 5,
          completion_tokens: WORDS.length,
          total_tokens: 5 + WORDS.length,
        },
      });
    }
    send(res, 404, { detail: "Not Found" });
  });
});

server.listen(port, "127.0.0.1", () => console.log(`[fake-upstream] listening on ${port}`));
