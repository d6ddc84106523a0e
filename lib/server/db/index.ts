import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, type Dialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema";

export type DatabaseKind = "sqlite" | "postgres";

export interface ConsoleDatabase {
  kind: DatabaseKind;
  /** Shared with better-auth, which builds its own Kysely on it. */
  dialect: Dialect;
  db: Kysely<Database>;
  close(): Promise<void>;
}

// int8 (bigint) columns hold millisecond times, well inside a double's exact range.
pg.types.setTypeParser(20, (value) => Number(value));

/**
 * The console's own database: PostgreSQL when a URL is given (several instances share it), else
 * SQLite in the data folder.
 */
export function openDatabase(options: { url?: string | null; dataDir: string }): ConsoleDatabase {
  let dialect: Dialect;
  let kind: DatabaseKind;
  if (options.url) {
    kind = "postgres";
    dialect = new PostgresDialect({
      pool: new pg.Pool({ connectionString: options.url, max: 10 }),
    });
  } else {
    kind = "sqlite";
    mkdirSync(options.dataDir, { recursive: true });
    const sqlite = new BetterSqlite3(path.join(options.dataDir, "console.db"));
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("foreign_keys = ON");
    dialect = new SqliteDialect({ database: sqlite });
  }
  const db = new Kysely<Database>({ dialect });
  return { kind, dialect, db, close: () => db.destroy() };
}
