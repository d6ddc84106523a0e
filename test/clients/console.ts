// A console for real clients: the guarded gateway (live mode, canary key) served over real HTTP in
// front of the today-upstream fake, a member with a console token, and one check that says what
// a batch of client calls did: which requests reached the fake (each with the server's key, never
// the token) and which audit rows they left.
import { expect } from "vitest";
import { queryAudit } from "@/lib/server/auth/audit";
import {
  addUser,
  createTestAuth,
  guardedFake,
  tokenFor,
  type Guarded,
  type TestAuth,
} from "../auth/harness";
import { CANARY, serve, type Served } from "../gateway/helpers";
import { todayScript } from "./today-upstream";

export interface ClientConsole {
  /** The console's origin, for a client's base URL. */
  url: string;
  /** The member's console token (mc_…), the client's API key. */
  token: string;
  t: TestAuth;
  g: Guarded;
  mark(): Promise<Mark>;
  /**
   * What happened since `mark`: the method and path (query dropped) of each request the fake got,
   * in order, after checking each carried the server's key and not the token; and the audit rows
   * written since, oldest first (reads are not audited: only writes are, by design).
   */
  since(mark: Mark): Promise<{ reached: string[]; urls: string[]; audited: AuditSeen[] }>;
  close(): Promise<void>;
}

export interface Mark {
  received: number;
  auditId: number;
}

export interface AuditSeen {
  operation: string;
  status: number | null;
  via: string;
  userId: string;
}

export async function startConsole(): Promise<ClientConsole> {
  const t = await createTestAuth("sqlite");
  const g = await guardedFake(t.ctx, todayScript);
  const served: Served = await serve(g.gateway);
  const member = await addUser(t.ctx, "member");
  const { secret } = await tokenFor(t.ctx, member, "client");
  expect(secret).toMatch(/^mc_/);
  const lastAuditId = async () => (await queryAudit(t.ctx, { limit: 1 }))[0]?.id ?? 0;
  return {
    url: served.url,
    token: secret,
    t,
    g,
    mark: async () => ({ received: g.fake!.received.length, auditId: await lastAuditId() }),
    async since(mark) {
      const got = g.fake!.received.slice(mark.received);
      for (const r of got) {
        expect(r.headers.authorization).toBe(`Bearer ${CANARY}`);
        expect(JSON.stringify(r.headers)).not.toContain(secret);
        expect(r.body.toString("latin1")).not.toContain(secret);
      }
      const rows = (await queryAudit(t.ctx, { limit: 1000 }))
        .filter((e) => e.id > mark.auditId)
        .reverse();
      for (const row of rows) expect(row.userId).toBe(member.user.id);
      return {
        reached: got.map((r) => `${r.method} ${r.url.split("?")[0]}`),
        urls: got.map((r) => r.url),
        audited: rows.map((e) => ({
          operation: e.operation,
          status: e.status,
          via: e.via,
          userId: e.userId,
        })),
      };
    },
    async close() {
      await served.close();
      await g.close();
      await t.close();
    },
  };
}

/** The audit rows a list of successful token calls should leave. */
export const audited = (...operations: string[]) =>
  operations.map((operation) => expect.objectContaining({ operation, status: 200, via: "token" }));
