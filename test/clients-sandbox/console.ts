// A console for real clients in front of the embedded sandbox: the guarded gateway (sandbox
// backend, fast token pace, a manual job clock) served over real HTTP, and a member with a console
// token. Unlike test/clients/console.ts nothing here is scripted: the clients get whatever the
// sandbox answers, so the tests assert behaviour, not text.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import {
  addUser,
  createTestAuth,
  guardedSandbox,
  tokenFor,
  type Guarded,
  type TestAuth,
} from "../auth/harness";
import { serve, type Served } from "../gateway/helpers";

export interface SandboxConsole {
  /** The console's origin, for a client's base URL. */
  url: string;
  /** The member's console token (mc_…), the client's API key. */
  token: string;
  t: TestAuth;
  g: Guarded;
  close(): Promise<void>;
}

export async function startSandboxConsole(): Promise<SandboxConsole> {
  const t = await createTestAuth("sqlite");
  const dataDir = path.join(t.dataDir, "sandbox");
  mkdirSync(dataDir, { recursive: true });
  const g = guardedSandbox(t.ctx, dataDir);
  const served: Served = await serve(g.gateway);
  const member = await addUser(t.ctx, "member");
  const { secret } = await tokenFor(t.ctx, member, "client");
  expect(secret).toMatch(/^mc_/);
  return {
    url: served.url,
    token: secret,
    t,
    g,
    async close() {
      await served.close();
      await g.close();
      await t.close();
    },
  };
}

export const CHAT_MODEL = "mistral-small-latest";
export const EMBED_MODEL = "mistral-embed";
/** mistral-embed's vector length. */
export const EMBED_DIMENSIONS = 1024;
