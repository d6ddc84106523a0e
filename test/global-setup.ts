// Starts the throwaway PostgreSQL server the database tests run on (scripts/postgres.sh), unless
// TEST_DATABASE_URL already names one (npm test starts it once for every suite).
import { execFileSync } from "node:child_process";

export default function setup(): () => void {
  if (process.env.TEST_DATABASE_URL) return () => {};
  const port = "55442";
  const url = execFileSync("bash", ["scripts/postgres.sh", "start", port], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
  process.env.TEST_DATABASE_URL = url;
  return () => {
    execFileSync("bash", ["scripts/postgres.sh", "stop", port], { stdio: "inherit" });
  };
}
