// Fails when the committed files generated from the spec no longer match it (`npm run gen` fixes that).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const tmp = mkdtempSync(path.join(tmpdir(), "gen-"));
execFileSync(
  "npx",
  [
    "openapi-typescript",
    "lib/mistral/openapi.yaml",
    "--default-non-nullable=false",
    "-o",
    path.join(tmp, "schema.gen.ts"),
  ],
  { stdio: "ignore" },
);
const ops = execFileSync("npx", [
  "tsx",
  "-e",
  "process.stdout.write(require('./scripts/gen-operations.ts').buildOperationsSource(require('fs').readFileSync('lib/mistral/openapi.yaml','utf8')))",
]).toString();
const stale = [];
if (
  readFileSync(path.join(tmp, "schema.gen.ts"), "utf8") !==
  readFileSync("lib/mistral/schema.gen.ts", "utf8")
)
  stale.push("lib/mistral/schema.gen.ts");
if (ops !== readFileSync("lib/mistral/operations.gen.ts", "utf8"))
  stale.push("lib/mistral/operations.gen.ts");
if (stale.length) {
  console.error(`Out of date with the spec: ${stale.join(", ")}. Run npm run gen.`);
  process.exit(1);
}
