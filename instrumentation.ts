// Runs once when a Next.js server starts: refuse to start with a bad configuration, naming the
// variable, rather than failing on the first request; migrate the database; print the setup token.
export async function register(): Promise<void> {
  // The condition is replaced at build time, so the edge bundle never sees the Node-only code.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startConsole } = await import("./lib/server/startup");
    await startConsole();
  }
}
