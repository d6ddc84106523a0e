"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useSession } from "@/components/auth/session";
import { can, type Permission } from "@/lib/auth/permissions";

interface Section {
  href: string;
  label: string;
  icon: string;
  /** Shown only to those with this permission. */
  needs?: Permission;
  /** Meaningless without sign-in (CONSOLE_AUTH=off). */
  signedInOnly?: boolean;
}

export const SECTIONS: readonly Section[] = [
  { href: "/playground", label: "Playground", icon: "▶" },
  { href: "/files", label: "Files", icon: "▤" },
  { href: "/fine-tuning", label: "Fine-tuning", icon: "◆" },
  { href: "/models", label: "Models", icon: "◎" },
  { href: "/usage", label: "Usage", icon: "▦" },
  { href: "/settings/tokens", label: "Tokens", icon: "#", signedInOnly: true },
  { href: "/admin/users", label: "Users", icon: "☺", needs: "users.manage" },
  { href: "/admin/audit", label: "Audit log", icon: "≡", needs: "audit.read" },
];

export function Nav() {
  const pathname = usePathname();
  const { user, authMode } = useSession();
  const sections = SECTIONS.filter(
    (s) => (!s.needs || can(user.role, s.needs)) && !(s.signedInOnly && authMode === "off"),
  );
  return (
    <nav aria-label="Sections">
      <ul className="flex flex-wrap gap-1 md:flex-col">
        {sections.map((s) => {
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
