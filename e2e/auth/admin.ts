/** The admin every signed-in e2e console creates at start (CONSOLE_ADMIN_EMAIL/PASSWORD). */
export const ADMIN = { email: "admin@example.com", password: "e2e-admin-password-1" } as const;

/** Where the admin's signed-in browser state for the console on `port` is kept. */
export function adminState(port: number | string): string {
  return `.data/e2e-state/admin-${port}.json`;
}
