import "server-only";
import { createHash } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import type { ConsoleDatabase } from "../db";
import type { Principal } from "./principal";

/**
 * Who a credential (a session cookie or a console token) belongs to, remembered for a few seconds
 * so a busy client does not cost a database round trip per request (1.2 ms on SQLite, 1.8 ms on
 * PostgreSQL). Entries are keyed by a SHA-256 of the credential, never the secret itself.
 *
 * Every write that changes what a credential may do (token revoked, user disabled, deleted, role
 * or limit changed, session signed out or revoked, password changed) calls `invalidate`, which
 * drops the matching entries here at once and, on PostgreSQL, tells every other instance with a
 * NOTIFY on one channel. Each instance LISTENs on a connection of its own; while that connection
 * is down (or its heartbeat is late) nothing is served from the cache, and when it is back the
 * cache starts empty, since notifications sent meanwhile were missed. On SQLite there is one
 * instance: invalidation is in process only.
 */
export interface CredentialCache {
  /** The principal remembered for this key, or undefined (also whenever the cache is off). */
  get(key: string): Principal | undefined;
  /**
   * Taken before the database is read: `set` with it stores nothing if an invalidation arrived
   * in between (the read may predate the change it announced).
   */
  generation(): number;
  set(key: string, principal: Principal, options: SetOptions): void;
  /**
   * What `load` finds for `key` (the budgets that apply to a user and token), remembered like a
   * credential: for the same TTL, only while the cache is active, and forgotten, all of them, at
   * any invalidation (budgets, teams and memberships announce theirs as `{ kind: "budgets" }`).
   * A remembered value is given at once, not in a promise.
   */
  lookup<T>(key: string, load: () => Promise<T>): T | Promise<T>;
  /** Applies a change here at once and announces it to the other instances. */
  invalidate(change: Invalidation): Promise<void>;
  /** Whether entries are served now (PostgreSQL: the listener is connected and answering). */
  active(): boolean;
  close(): Promise<void>;
}

export interface SetOptions {
  generation: number;
  /** The credential's own end (a session's expiry), if sooner than the cache's TTL. */
  expiresAt?: number;
  /** sessionId() of the session this entry stands for. */
  session?: string;
}

export type Invalidation =
  | { kind: "user"; id: string }
  | { kind: "token"; id: string }
  /** `id` is sessionId(session token). */
  | { kind: "session"; id: string }
  /** A budget, a team or a membership changed: every remembered lookup is stale. */
  | { kind: "budgets"; id: "*" };

export const CACHE_TTL_MS = 5_000;
export const CACHE_MAX_ENTRIES = 10_000;
export const NOTIFY_CHANNEL = "console_credentials";
/** The listener's connection, named so an operator (and a test) can find it in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = "mistral-console-credentials";
const HEARTBEAT_MS = 400;
/** With no heartbeat answered for this long the listener counts as down: caching stops. */
const HEARTBEAT_STALE_MS = 1_000;
const RECONNECT_MAX_MS = 5_000;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The cache key of a console token. */
export const tokenKey = (secret: string) => `t:${sha256(secret)}`;
/** The cache key of a session cookie's signed value(s). */
export const sessionKey = (cookieValues: string) => `s:${sha256(cookieValues)}`;
/** How invalidations name a session: a hash of its token, never the token. */
export const sessionId = (sessionToken: string) => sha256(`session:${sessionToken}`);

interface Entry {
  principal: Principal;
  expires: number;
  session: string | null;
}

export function createCredentialCache(
  database: ConsoleDatabase,
  databaseUrl: string | null,
  log: (message: string) => void = (m) => console.error(m),
): CredentialCache {
  const entries = new Map<string, Entry>();
  const lookups = new Map<string, { value: unknown; expires: number }>();
  let gen = 0;
  const listener =
    database.kind === "postgres" && databaseUrl
      ? startListener(databaseUrl, (change) => apply(change), reset, log)
      : null;

  function reset() {
    entries.clear();
    lookups.clear();
    gen += 1;
  }

  function apply(change: Invalidation) {
    gen += 1;
    lookups.clear();
    if (change.kind === "budgets") return;
    for (const [key, entry] of entries) {
      const hit =
        change.kind === "user"
          ? entry.principal.userId === change.id
          : change.kind === "token"
            ? entry.principal.tokenId === change.id
            : entry.session === change.id;
      if (hit) entries.delete(key);
    }
  }

  const active = () => listener === null || listener.healthy();

  return {
    get(key) {
      if (!active()) return undefined;
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires <= Date.now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.principal;
    },
    generation: () => gen,
    set(key, principal, options) {
      if (options.generation !== gen || !active()) return;
      if (entries.size >= CACHE_MAX_ENTRIES && !entries.has(key)) {
        // Oldest first (a Map keeps insertion order): a flood of distinct credentials only
        // pushes out older entries, it never grows the cache.
        entries.delete(entries.keys().next().value!);
      }
      const expires = Math.min(Date.now() + CACHE_TTL_MS, options.expiresAt ?? Infinity);
      entries.set(key, { principal, expires, session: options.session ?? null });
    },
    lookup<T>(key: string, load: () => Promise<T>): T | Promise<T> {
      const known = active() ? lookups.get(key) : undefined;
      if (known && known.expires > Date.now()) return known.value as T;
      const generation = gen;
      return load().then((value) => {
        if (generation === gen && active()) {
          if (lookups.size >= CACHE_MAX_ENTRIES) lookups.delete(lookups.keys().next().value!);
          lookups.set(key, { value, expires: Date.now() + CACHE_TTL_MS });
        }
        return value;
      });
    },
    async invalidate(change) {
      apply(change);
      if (database.kind !== "postgres") return;
      try {
        await sql`select pg_notify(${NOTIFY_CHANNEL}, ${`${change.kind}:${change.id}`})`.execute(
          database.db,
        );
      } catch (error) {
        // The change itself is committed; other instances drop the entry within the TTL.
        log(`[auth] could not announce a credential change to other instances: ${String(error)}`);
      }
    },
    active,
    async close() {
      await listener?.close();
      entries.clear();
    },
  };
}

function parse(payload: string | undefined): Invalidation | null {
  const match = /^(user|token|session|budgets):(.+)$/.exec(payload ?? "");
  if (!match) return null;
  if (match[1] === "budgets") return { kind: "budgets", id: "*" };
  return { kind: match[1] as "user" | "token" | "session", id: match[2] };
}

/**
 * LISTEN on a dedicated connection that reconnects with backoff. Healthy only while connected and
 * its heartbeat answered within HEARTBEAT_STALE_MS, so a connection that died silently stops the
 * cache within a second; every (re)connection empties the cache (`onConnect`).
 */
function startListener(
  url: string,
  onChange: (change: Invalidation) => void,
  onConnect: () => void,
  log: (message: string) => void,
) {
  let client: pg.Client | null = null;
  let lastAnswer = 0;
  let closed = false;
  let delay = 250;
  let heartbeat: NodeJS.Timeout | null = null;
  let retry: NodeJS.Timeout | null = null;
  let wasUp = false;

  const down = (reason: string) => {
    const old = client;
    client = null;
    lastAnswer = 0;
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    old?.removeAllListeners("notification");
    old?.end().catch(() => {});
    if (closed || retry) return;
    if (wasUp) log(`[auth] credential listener down (${reason}); caching off until it is back`);
    wasUp = false;
    retry = setTimeout(connect, delay);
    retry.unref();
    delay = Math.min(delay * 2, RECONNECT_MAX_MS);
  };

  async function connect() {
    retry = null;
    if (closed) return;
    const next = new pg.Client({
      connectionString: url,
      application_name: LISTENER_APPLICATION_NAME,
      keepAlive: true,
    });
    next.on("error", (error) => {
      if (client === next) down(error.message);
    });
    next.on("end", () => {
      if (client === next) down("connection closed");
    });
    next.on("notification", (message) => {
      if (message.channel !== NOTIFY_CHANNEL) return;
      const change = parse(message.payload);
      if (change) onChange(change);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${NOTIFY_CHANNEL}`);
    } catch (error) {
      next.end().catch(() => {});
      client = next; // so down() schedules the retry
      down(error instanceof Error ? error.message : String(error));
      return;
    }
    if (closed) return void next.end().catch(() => {});
    client = next;
    // Whatever was announced while nobody listened is lost: start afresh.
    onConnect();
    lastAnswer = Date.now();
    delay = 250;
    wasUp = true;
    heartbeat = setInterval(() => {
      const at = Date.now();
      next.query("select 1").then(
        () => {
          if (client === next) lastAnswer = Math.max(lastAnswer, at);
        },
        (error: Error) => {
          if (client === next) down(error.message);
        },
      );
      if (client === next && at - lastAnswer > 4 * HEARTBEAT_STALE_MS) down("heartbeat timed out");
    }, HEARTBEAT_MS);
    heartbeat.unref();
  }

  void connect();

  return {
    healthy: () => client !== null && Date.now() - lastAnswer < HEARTBEAT_STALE_MS,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      if (heartbeat) clearInterval(heartbeat);
      const old = client;
      client = null;
      await old?.end().catch(() => {});
    },
  };
}
