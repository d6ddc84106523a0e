// The sandbox's embedded store: one SQLite database (WAL) plus the uploaded bytes on disk.
// better-sqlite3 is synchronous, so each call (and each transaction) is atomic within the process;
// WAL and a busy timeout keep a second process (e.g. a dev server worker) safe too.
// Lists are ordered by rowid, i.e. insertion order, which is stable even within one millisecond.
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type DB = Database.Database;

// Append only: each entry upgrades the schema by one version (PRAGMA user_version).
const MIGRATIONS: string[] = [
  `CREATE TABLE files (
     id TEXT PRIMARY KEY,
     filename TEXT NOT NULL,
     bytes INTEGER NOT NULL,
     num_lines INTEGER NOT NULL,
     sample_type TEXT NOT NULL,
     data_tokens INTEGER NOT NULL,
     created_at INTEGER NOT NULL
   );

   CREATE TABLE jobs (
     id TEXT PRIMARY KEY,
     model TEXT NOT NULL,
     status TEXT NOT NULL,
     auto_start INTEGER NOT NULL,
     hyperparameters TEXT NOT NULL,
     training_files TEXT NOT NULL,
     validation_files TEXT NOT NULL,
     suffix TEXT,
     integrations TEXT,
     repositories TEXT NOT NULL,
     wandb_project TEXT,
     wandb_name TEXT,
     data_tokens INTEGER NOT NULL,
     training_steps INTEGER NOT NULL,
     created_ms INTEGER NOT NULL,
     modified_ms INTEGER NOT NULL,
     speed REAL NOT NULL,
     validated_ok INTEGER,
     start_ms INTEGER,
     cancel_ms INTEGER,
     fine_tuned_model TEXT,
     trained_tokens INTEGER
   );
   CREATE INDEX jobs_status ON jobs(status);

   CREATE TABLE events (
     job_id TEXT NOT NULL,
     ordinal INTEGER NOT NULL,
     name TEXT NOT NULL,
     data TEXT,
     created_at INTEGER NOT NULL,
     PRIMARY KEY (job_id, ordinal)
   );

   CREATE TABLE checkpoints (
     job_id TEXT NOT NULL,
     step_number INTEGER NOT NULL,
     metrics TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     PRIMARY KEY (job_id, step_number)
   );

   CREATE TABLE ft_models (
     id TEXT PRIMARY KEY,
     job_id TEXT NOT NULL UNIQUE,
     root TEXT NOT NULL,
     created INTEGER NOT NULL,
     archived INTEGER NOT NULL DEFAULT 0,
     name TEXT,
     description TEXT,
     deleted INTEGER NOT NULL DEFAULT 0
   );
`,
  // Today's jobs (2026-07-15 spec): completion or classifier jobs; classifier models keep their targets.
  `ALTER TABLE jobs ADD COLUMN job_type TEXT NOT NULL DEFAULT 'completion';
   ALTER TABLE jobs ADD COLUMN classifier_targets TEXT;
   ALTER TABLE ft_models ADD COLUMN model_type TEXT NOT NULL DEFAULT 'completion';
   ALTER TABLE ft_models ADD COLUMN classifier_targets TEXT;
`,
  // Batch jobs, agents and conversations. Every batch request's answer is computed when the job is created and
  // revealed over time (see batch.ts); output/error files are written when the job ends.
  `CREATE TABLE batch_jobs (
     id TEXT PRIMARY KEY,
     endpoint TEXT NOT NULL,
     model TEXT,
     agent_id TEXT,
     metadata TEXT,
     input_files TEXT NOT NULL,
     total_requests INTEGER NOT NULL,
     created_ms INTEGER NOT NULL,
     speed REAL NOT NULL,
     cancel_ms INTEGER,
     finalized INTEGER NOT NULL DEFAULT 0,
     output_file TEXT,
     error_file TEXT,
     deleted INTEGER NOT NULL DEFAULT 0
   );

   CREATE TABLE batch_results (
     job_id TEXT NOT NULL,
     ordinal INTEGER NOT NULL,
     custom_id TEXT,
     status_code INTEGER NOT NULL,
     body TEXT NOT NULL,
     PRIMARY KEY (job_id, ordinal)
   );

   CREATE TABLE agents (
     id TEXT PRIMARY KEY,
     version INTEGER NOT NULL,
     created_ms INTEGER NOT NULL,
     updated_ms INTEGER NOT NULL,
     deleted INTEGER NOT NULL DEFAULT 0
   );

   CREATE TABLE agent_versions (
     agent_id TEXT NOT NULL,
     version INTEGER NOT NULL,
     data TEXT NOT NULL,
     created_ms INTEGER NOT NULL,
     PRIMARY KEY (agent_id, version)
   );

   CREATE TABLE conversations (
     id TEXT PRIMARY KEY,
     data TEXT NOT NULL,
     created_ms INTEGER NOT NULL,
     updated_ms INTEGER NOT NULL
   );

   CREATE TABLE conversation_entries (
     conversation_id TEXT NOT NULL,
     ordinal INTEGER NOT NULL,
     entry TEXT NOT NULL,
     PRIMARY KEY (conversation_id, ordinal)
   );
`,
  // Files of every purpose (fine-tune, batch, ocr, audio): what each is for, its type and where it came from.
  // Rows from before were all uploaded JSONL training files; batch output/error files were written by the sandbox.
  `ALTER TABLE files ADD COLUMN purpose TEXT NOT NULL DEFAULT 'fine-tune';
   ALTER TABLE files ADD COLUMN mimetype TEXT NOT NULL DEFAULT 'application/jsonl';
   ALTER TABLE files ADD COLUMN source TEXT NOT NULL DEFAULT 'upload';
   UPDATE files SET purpose = 'batch', source = 'mistral' WHERE sample_type IN ('batch_result', 'batch_error');
`,
  // Upload expiry and visibility (today's multipart fields): files kept until deleted, for the workspace.
  `ALTER TABLE files ADD COLUMN expires_at INTEGER;
   ALTER TABLE files ADD COLUMN visibility TEXT NOT NULL DEFAULT 'workspace';
`,
];

export interface Store {
  db: DB;
  filesDir: string;
  close(): void;
}

export function openStore(dataDir: string): Store {
  const root = path.join(dataDir, "sandbox");
  const filesDir = path.join(root, "files");
  mkdirSync(filesDir, { recursive: true });
  const db = new Database(path.join(root, "sandbox.db"));
  db.pragma("journal_mode = WAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("synchronous = NORMAL");
  migrate(db);
  return {
    db,
    filesDir,
    close: () => db.close(),
  };
}

function migrate(db: DB): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new Error(
      `The sandbox database is newer (version ${version}) than this code (${MIGRATIONS.length}).`,
    );
  }
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}
