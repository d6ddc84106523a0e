import "server-only";
import { BlockList, isIP } from "node:net";

// Which address a sign-in comes from, for better-auth's per-address limit.
//
// What Next 16.4 does (node_modules/next/dist/server/base-server.js, handleRequestImpl):
//   req.headers['x-forwarded-for'] ??= originalRequest.socket.remoteAddress
// It puts the socket peer into X-Forwarded-For only when the request has no such header: it does
// not append. A client talking to `next start` directly that sends its own X-Forwarded-For thus
// hides its address completely, and a route handler has no other way to the socket (NextRequest
// has no `ip` since Next 15). So at start-up the console's front layer on its HTTP server
// appends the socket peer to X-Forwarded-For, as a proxy would (lib/server/http-front.ts). The last entry is then always the socket peer, and Next leaves the
// header alone. Walking from the right, a hop is skipped only while it is a trusted proxy
// (TRUSTED_PROXIES): the first untrusted one is the client. Without trusted proxies that is the
// peer itself, whatever the client wrote.

/** TRUSTED_PROXIES entries (IP addresses or CIDR ranges) as a matcher; bad entries are listed. */
export function parseTrustedProxies(value: string | undefined): {
  entries: string[];
  bad: string[];
} {
  const entries: string[] = [];
  const bad: string[] = [];
  for (const raw of (value ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    if (toBlock(new BlockList(), entry)) entries.push(entry);
    else bad.push(entry);
  }
  return { entries, bad };
}

function toBlock(list: BlockList, entry: string): boolean {
  const [address, prefix, extra] = entry.split("/");
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  const type = family === 4 ? "ipv4" : "ipv6";
  if (prefix === undefined) {
    list.addAddress(address, type);
    return true;
  }
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
  if (!(bits <= (family === 4 ? 32 : 128))) return false;
  list.addSubnet(address, bits, type);
  return true;
}

export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) toBlock(list, entry);
  return list;
}

/** "::ffff:10.0.0.1" → "10.0.0.1", so an IPv4 proxy matches however the socket reports it. */
function plain(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

function trusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address from X-Forwarded-For as the console's server hands it (last entry = the
 * socket peer, see above): the rightmost entry that is not a trusted proxy. An entry that is not
 * an address stops the walk at the last hop known good, so a client cannot pick a bucket by
 * writing garbage. Null when there is no usable address at all.
 */
export function clientAddress(forwardedFor: string | null, proxies: BlockList): string | null {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => plain(hop.trim()))
    .filter(Boolean);
  let known: string | null = null;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (!isIP(hop)) return known;
    if (!trusted(proxies, hop)) return hop;
    known = hop;
  }
  // Every hop is a trusted proxy (a request from the proxy itself): that is the client.
  return known;
}
