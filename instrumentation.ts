// Runs once when a Next.js server starts: refuse to start with a bad configuration, naming the
// variable, rather than failing on the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConfig, ConfigError, publicBackendInfo } = await import("./lib/server/config");
  try {
    const info = publicBackendInfo(getConfig());
    console.log(
      `[console] backend: ${info.backend === "live" ? `live (${info.baseUrl})` : "sandbox"}`,
    );
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
