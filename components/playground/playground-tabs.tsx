"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { routes } from "@/lib/routes";

const TABS = [
  { href: routes.playground(), label: "Chat" },
  { href: routes.fim(), label: "FIM" },
  { href: routes.embeddings(), label: "Embeddings" },
] as const;

/** Links between the playground's modes; the current one is marked for screen readers too. */
export function PlaygroundTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Playground modes" className="mb-5 border-b border-border">
      <ul className="-mb-px flex gap-1">
        {TABS.map((t) => {
          const active = pathname === t.href;
          return (
            <li key={t.href}>
              <Link
                href={t.href}
                aria-current={active ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 text-sm font-medium ${
                  active
                    ? "border-accent text-accent"
                    : "border-transparent text-muted hover:text-text"
                }`}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
