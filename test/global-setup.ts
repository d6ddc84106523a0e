// Starts the throwaway PostgreSQL server the database tests run on (scripts/postgres.sh), unless
// TEST_DATABASE_URL already names one (npm test starts it once for every suite).
import { execFileSync } from "node:child_process";

export default function setup(): () => void {
  if (process.env.TEST_DATABASE_URL) return () => {};
  // Its own port per run, so two runs at once (a developer and a helper) never stop each other's.
  const port = String(56000 + (process.pid % 4000));
  const url = execFileSync("bash", ["scripts/postgres.sh", "start", port], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
  process.env.TEST_DATABASE_URL = url;
  return () => {
    execFileSync("bash", ["scripts/postgres.sh", "stop", port], { stdio: "inherit" });
  };
}
