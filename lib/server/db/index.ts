import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, type Dialect, type SqliteDatabase } from "kysely";
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
    dialect = new SqliteDialect({ database: reusingStatements(sqlite) });
  }
  const db = new Kysely<Database>({ dialect });
  return { kind, dialect, db, close: () => db.destroy() };
}

/** Distinct statements kept prepared; queries built with a variable number of values may vary. */
const MAX_STATEMENTS = 256;

/**
 * Kysely prepares every query anew, and compiling a statement cost more than running it (an audit
 * row's INSERT: ~0.15 ms to prepare; bench/profile-stream.ts). The same SQL text gets the same
 * prepared statement instead, unless that one is still being iterated (a streamed query).
 */
function reusingStatements(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const prepared = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const known = prepared.get(sql);
      if (known && !known.busy) return known;
      const statement = sqlite.prepare(sql);
      if (!known && prepared.size < MAX_STATEMENTS) prepared.set(sql, statement);
      return statement;
    },
  };
}
