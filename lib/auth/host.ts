// Which Host names the console answers to. A page on a rebound DNS name (evil.example now
// resolving to 127.0.0.1) is same-origin with itself, so its requests carry a matching Origin and
// would read and write freely; only the Host header gives it away. Pure code (no node modules, no
// server-only) because proxy.ts, bundled apart from the server code, applies the same rule to pages.

export interface HostPolicy {
  /** Sign-in off: there is no credential to protect the console, so the Host always counts. */
  authOff: boolean;
  /** CONSOLE_URL (an origin), or null. */
  publicUrl: string | null;
  /** CONSOLE_ALLOWED_HOSTS: host names, lower case, each valid with any port. */
  allowedHosts: readonly string[];
}

/** A Host header's name, lower case, without its port (IPv6 keeps its brackets); null if malformed. */
export function hostName(host: string): string | null {
  // Only what a host may contain: "user@127.0.0.1" or a path must not parse into a loopback name.
  if (!/^[a-z0-9.\-_:[\]]+$/i.test(host)) return null;
  try {
    // URL also normalises the other spellings of an address (0x7f.1, 2130706433 → 127.0.0.1).
    const name = new URL(`http://${host}`).hostname;
    return name || null;
  } catch {
    return null;
  }
}

export function isLoopbackName(name: string): boolean {
  if (name === "localhost" || name === "[::1]") return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(name);
  return octets !== null && octets.slice(1).every((o) => Number(o) <= 255);
}

/**
 * Whether a request with this Host header is for this console: a loopback name, CONSOLE_URL's
 * host or one of CONSOLE_ALLOWED_HOSTS, with any port. With sign-in on and neither setting, any
 * host is: session cookies are bound to the host that set them, so a rebound name holds none, and
 * a console reached by LAN address or name keeps working without configuration.
 */
export function hostPermitted(policy: HostPolicy, host: string | null): boolean {
  if (!policy.authOff && !policy.publicUrl && policy.allowedHosts.length === 0) return true;
  const name = host ? hostName(host) : null;
  if (!name) return false;
  if (isLoopbackName(name) || policy.allowedHosts.includes(name)) return true;
  return policy.publicUrl !== null && name === new URL(policy.publicUrl).hostname;
}

/** CONSOLE_ALLOWED_HOSTS: comma-separated host names; `bad` lists entries that are not one. */
export function parseHostList(value: string | undefined): { hosts: string[]; bad: string[] } {
  const hosts: string[] = [];
  const bad: string[] = [];
  for (const entry of (value ?? "").split(",").map((e) => e.trim())) {
    if (!entry) continue;
    const name = hostName(entry);
    // A port would suggest only that port is allowed; a name is allowed with any port.
    if (name && !/:\d*$/.test(entry)) hosts.push(name);
    else bad.push(entry);
  }
  return { hosts, bad };
}

/** The policy straight from the environment, for proxy.ts (the server validates it at start). */
export function hostPolicyFromEnv(env: Record<string, string | undefined>): HostPolicy {
  let publicUrl: string | null = null;
  try {
    if (env.CONSOLE_URL?.trim()) publicUrl = new URL(env.CONSOLE_URL.trim()).origin;
  } catch {
    publicUrl = null;
  }
  return {
    authOff: env.CONSOLE_AUTH?.trim() === "off",
    publicUrl,
    allowedHosts: parseHostList(env.CONSOLE_ALLOWED_HOSTS).hosts,
  };
}

/** The 403 for a foreign Host, in the console's error shape (`{ object: "error", … }`). */
export function unknownHostResponse(host: string | null): Response {
  const name = host ? hostName(host) : null;
  const message = `This console does not answer to the host name ${
    name ? `"${name}"` : "this request was sent to"
  } (a guard against DNS rebinding). To reach it under that name, add the name to CONSOLE_ALLOWED_HOSTS (or make it CONSOLE_URL's).`;
  return new Response(
    JSON.stringify({
      object: "error",
      message,
      type: "invalid_request_error",
      param: null,
      code: "unknown_host",
    }),
    { status: 403, headers: { "content-type": "application/json", "cache-control": "no-store" } },
  );
}
