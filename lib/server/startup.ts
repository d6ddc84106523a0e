import "server-only";
import { ConfigError, getConfig, publicBackendInfo } from "./config";

/** Validates the configuration at server start; a bad one stops the process with its message. */
export function validateConfigAtStartup(): void {
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
