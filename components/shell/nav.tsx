"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export const SECTIONS = [
  { href: "/playground", label: "Playground", icon: "▶" },
  { href: "/files", label: "Files", icon: "▤" },
  { href: "/fine-tuning", label: "Fine-tuning", icon: "◆" },
  { href: "/models", label: "Models", icon: "◎" },
] as const;

export function Nav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Sections">
      <ul className="flex gap-1 md:flex-col">
        {SECTIONS.map((s) => {
          const active = pathname === s.href || pathname.startsWith(`${s.href}/`);
          return (
            <li key={s.href}>
              <Link
                href={s.href}
                aria-current={active ? "page" : undefined}
                className={`flex items-center gap-2.5 rounded-md px-3 py-2 text-sm font-medium transition-colors ${
                  active
                    ? "bg-accent-soft text-accent"
                    : "text-muted hover:bg-surface-2 hover:text-text"
                }`}
              >
                <span aria-hidden className="w-4 text-center">
                  {s.icon}
                </span>
                {s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
