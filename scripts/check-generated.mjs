// Fails when a committed file generated from the specs no longer matches them (`npm run gen` fixes
// that): the merged spec, both operation tables and both sets of TypeScript types.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const tmp = mkdtempSync(path.join(tmpdir(), "gen-"));
execFileSync("npx", ["tsx", "scripts/gen-operations.ts", "--out", tmp]);
const generated = {};
for (const file of [
  "lib/mistral/openapi.gen.yaml",
  "lib/mistral/operations.gen.ts",
  "lib/mistral/seed-operations.gen.ts",
]) {
  generated[file] = readFileSync(path.join(tmp, file), "utf8");
}
// The types, from the merged spec and from the seed (which the sandbox still follows).
for (const [spec, out] of [
  [path.join(tmp, "lib/mistral/openapi.gen.yaml"), "lib/mistral/schema.gen.ts"],
  ["lib/mistral/specs/seed-openapi.yaml", "lib/mistral/seed-schema.gen.ts"],
]) {
  const to = path.join(tmp, out);
  execFileSync("npx", ["openapi-typescript", spec, "--default-non-nullable=false", "-o", to], {
    stdio: "ignore",
  });
  generated[out] = readFileSync(to, "utf8");
}

const read = (file) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
};
const stale = Object.keys(generated).filter((file) => read(file) !== generated[file]);
if (stale.length) {
  console.error(`Out of date with the specs: ${stale.join(", ")}. Run npm run gen.`);
  process.exit(1);
}
