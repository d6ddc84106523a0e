import Link from "next/link";
import { SessionProvider } from "@/components/auth/session";
import { UserMenu } from "@/components/auth/user-menu";
import { BudgetBanner } from "@/components/budgets/budget-banner";
import { HealthIndicator } from "@/components/shell/health-indicator";
import { Nav } from "@/components/shell/nav";
import { requirePageUser } from "@/lib/server/auth/page";
import { publicBackendInfo } from "@/lib/server/config";
import { routes } from "@/lib/routes";

// The header names the backend in use, which is decided by the server's configuration at run time.
export const dynamic = "force-dynamic";

function backendLabel(info: ReturnType<typeof publicBackendInfo>): string {
  if (info.backend === "sandbox") return "Sandbox";
  const host = new URL(info.baseUrl).host;
  return host === "api.mistral.ai" ? "Live · api.mistral.ai" : `Live · ${host}`;
}

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const info = publicBackendInfo();
  const { principal, authMode } = await requirePageUser();
  const session = {
    user: {
      id: principal.userId,
      email: principal.email,
      name: principal.name,
      role: principal.role,
    },
    authMode,
  };
  return (
    <SessionProvider session={session}>
      <div className="flex min-h-screen flex-col md:flex-row">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <aside className="relative border-b border-border bg-surface md:w-56 md:shrink-0 md:border-r md:border-b-0">
          <div className="flex items-center gap-4 px-4 py-3 md:sticky md:top-0 md:flex-col md:items-stretch md:gap-6 md:py-5">
            <Link href={routes.playground()} className="flex items-center gap-2 font-semibold">
              <span
                aria-hidden
                className="grid h-7 w-7 place-items-center rounded-md bg-accent text-sm text-accent-fg"
              >
                M
              </span>
              Mistral Console
            </Link>
            <Nav />
          </div>
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex min-h-12 flex-wrap items-center justify-end gap-x-4 gap-y-1 border-b border-border bg-surface px-4 py-1.5 md:px-6">
            <span
              className="inline-flex items-center gap-1.5 rounded-full border border-border px-2.5 py-0.5 text-xs font-medium"
              title={
                info.backend === "sandbox"
                  ? "No MISTRAL_API_KEY is configured: requests go to the embedded sandbox backend."
                  : `Requests go to ${info.baseUrl} with the server's key.`
              }
            >
              <span className="hidden text-muted sm:inline">Backend</span>
              <span data-testid="backend-name">{backendLabel(info)}</span>
            </span>
            <HealthIndicator />
            <UserMenu />
          </header>
          <BudgetBanner />
          <main id="main" className="min-w-0 flex-1 px-4 py-6 md:px-8">
            {children}
          </main>
        </div>
      </div>
    </SessionProvider>
  );
}
