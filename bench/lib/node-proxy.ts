/**
 * A bare node:http pass-through: the floor for what any proxy in Node costs. It forwards method,
 * path and body to the upstream over a keep-alive pool, swaps in the server's key, and pipes the
 * answer back chunk by chunk. No checks at all.
 *
 *   npx tsx bench/lib/node-proxy.ts --port 8791 --upstream http://127.0.0.1:8790
 */
import http from "node:http";
import { pipeline } from "node:stream";

export function startNodeProxy(port: number, upstream: string): Promise<http.Server> {
  const base = new URL(upstream);
  const agent = new http.Agent({ keepAlive: true, maxFreeSockets: 256 });
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers, host: base.host, authorization: "Bearer bench-key" };
    const out = http.request(
      {
        hostname: base.hostname,
        port: base.port,
        method: req.method,
        path: req.url,
        headers,
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        // Headers go out at once (as Next does), not with the first body chunk.
        res.flushHeaders();
        pipeline(answer, res, () => undefined);
      },
    );
    out.on("error", () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    res.on("close", () => {
      if (!res.writableFinished) out.destroy();
    });
    pipeline(req, out, () => undefined);
  });
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

if (require.main === module) {
  const get = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : fallback;
  };
  const port = Number(get("port", "8791"));
  void startNodeProxy(port, get("upstream", "http://127.0.0.1:8790")).then(() =>
    console.log(JSON.stringify({ listening: port })),
  );
}
