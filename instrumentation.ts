// Runs once when a Next.js server starts: refuse to start with a bad configuration, naming the
// variable, rather than failing on the first request.
export async function register(): Promise<void> {
  // The condition is replaced at build time, so the edge bundle never sees the Node-only code.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateConfigAtStartup } = await import("./lib/server/startup");
    validateConfigAtStartup();
  }
}
