import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import BetterSqlite3 from "better-sqlite3";
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type Compilable,
  type CompiledQuery,
  type Dialect,
  type Insertable,
  type SqliteDatabase,
} from "kysely";
import pg from "pg";
import type { Database } from "./schema";

export type DatabaseKind = "sqlite" | "postgres";

export interface ConsoleDatabase {
  kind: DatabaseKind;
  /** Shared with better-auth, which builds its own Kysely on it. */
  dialect: Dialect;
  db: Kysely<Database>;
  /**
   * Runs a query built on `db` and returns its rows. On SQLite it runs at once on the prepared
   * statement: Kysely's own path (its connection lock, plugins and result handling) costs
   * ~0.1-0.2 ms of promise turns per query, and the audit row's insert and the budget lookup sit
   * on every /v1 call's way to the upstream. Inside another caller's open transaction it waits
   * for Kysely's lock like any query, so it never joins that transaction.
   */
  run<R>(query: Compilable<R> | CompiledQuery<R>): Promise<R[]>;
  /**
   * Inserts `row` into the audit log and returns its new `id`, as `run` does. On SQLite the
   * statement is written once per column list (building it with Kysely each time cost ~0.1 ms,
   * as much as running it).
   */
  insertAudit(row: Insertable<Database["audit_log"]>): Promise<number>;
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
  let stopCheckpoints: (() => Promise<void>) | null = null;
  let statements: SqliteDatabase | null = null;
  let sqliteHandle: BetterSqlite3.Database | null = null;
  if (options.url) {
    kind = "postgres";
    dialect = new PostgresDialect({
      pool: new pg.Pool({ connectionString: options.url, max: 10 }),
    });
  } else {
    kind = "sqlite";
    mkdirSync(options.dataDir, { recursive: true });
    const file = path.join(options.dataDir, "console.db");
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("foreign_keys = ON");
    stopCheckpoints = checkpointInBackground(sqlite, file);
    sqliteHandle = sqlite;
    statements = reusingStatements(sqlite);
    dialect = new SqliteDialect({ database: statements });
  }
  const db = new Kysely<Database>({ dialect });
  const viaKysely = async <R>(query: Compilable<R> | CompiledQuery<R>) =>
    (await db.executeQuery(query)).rows;
  const run: ConsoleDatabase["run"] =
    statements && sqliteHandle
      ? async (query) => {
          if (sqliteHandle!.inTransaction) return viaKysely(query);
          const { sql, parameters } = "compile" in query ? query.compile() : query;
          const statement = statements!.prepare(sql) as unknown as BetterSqlite3.Statement;
          if (!statement.reader) {
            statement.run(parameters as unknown[]);
            return [];
          }
          return statement.all(parameters as unknown[]) as never[];
        }
      : viaKysely;
  const insertTexts = new Map<string, string>();
  return {
    kind,
    dialect,
    db,
    run,
    async insertAudit(row) {
      if (!statements || sqliteHandle!.inTransaction) {
        return Number((await run(db.insertInto("audit_log").values(row).returning("id")))[0].id);
      }
      // Column names are the code's own (the row's keys), never input.
      const columns = Object.keys(row);
      const key = columns.join(",");
      let sql = insertTexts.get(key);
      if (!sql) {
        const names = columns.map((c) => `"${c}"`).join(", ");
        const marks = columns.map(() => "?").join(", ");
        sql = `insert into "audit_log" (${names}) values (${marks}) returning "id"`;
        insertTexts.set(key, sql);
      }
      const statement = statements.prepare(sql) as unknown as BetterSqlite3.Statement;
      return Number((statement.get(Object.values(row)) as { id: number }).id);
    },
    close: async () => {
      await stopCheckpoints?.();
      await db.destroy();
    },
  };
}

/** How often the background connection moves the write-ahead log into the database. */
const CHECKPOINT_EVERY_MS = 1_000;
/** Past this many log pages the request thread checkpoints itself (the background one is gone). */
const FALLBACK_CHECKPOINT_PAGES = 10_000;

/**
 * SQLite checkpoints its write-ahead log from whichever commit finds it past 1,000 pages, and a
 * checkpoint waits for the disk (fsync): one write in ~250 (an audit row touches ~4 pages) took
 * 3-20 ms instead of ~25 µs on this machine, a request's p99 (bench/README.md). A worker thread with
 * a connection of its own checkpoints every second instead (PASSIVE: it never holds up a writer),
 * off the thread that serves requests; the request thread checkpoints only past
 * FALLBACK_CHECKPOINT_PAGES, if the worker could not run. Durability is unchanged (WAL with
 * synchronous=NORMAL: a committed row survives the process dying, whoever checkpoints).
 */
function checkpointInBackground(
  sqlite: BetterSqlite3.Database,
  file: string,
): (() => Promise<void>) | null {
  let worker: Worker;
  try {
    // Evaluated code, not a file: a build bundles none for workers. It loads better-sqlite3 as
    // the process does (an external package, resolved from the working directory).
    worker = new Worker(
      `const { workerData } = require("node:worker_threads");
       const db = new (require("better-sqlite3"))(workerData.file);
       db.pragma("busy_timeout = 5000");
       setInterval(() => {
         try { db.pragma("wal_checkpoint(PASSIVE)"); } catch {}
       }, workerData.everyMs);`,
      { eval: true, workerData: { file, everyMs: CHECKPOINT_EVERY_MS } },
    );
  } catch {
    return null;
  }
  worker.unref();
  sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_CHECKPOINT_PAGES}`);
  worker.once("error", (error) => {
    console.error(`[db] background checkpoints stopped (${String(error)}); the server does them`);
    if (sqlite.open) sqlite.pragma("wal_autocheckpoint = 1000");
  });
  return async () => {
    await worker.terminate();
  };
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
