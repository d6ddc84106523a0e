"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useRef, useState } from "react";
import { useSession } from "@/components/auth/session";
import { can, type Permission } from "@/lib/auth/permissions";
import { routes } from "@/lib/routes";

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
  { href: routes.playground(), label: "Playground", icon: "▶" },
  { href: routes.ocr(), label: "OCR", icon: "¶" },
  { href: routes.audio(), label: "Audio", icon: "♪" },
  { href: routes.batch(), label: "Batch", icon: "▥" },
  { href: routes.files(), label: "Files", icon: "▤" },
  { href: routes.jobs(), label: "Fine-tuning", icon: "◆" },
  { href: routes.models(), label: "Models", icon: "◎" },
  { href: routes.agents(), label: "Agents", icon: "✦", needs: "agents.read" },
  { href: routes.usage(), label: "Usage", icon: "▦" },
  { href: routes.myUsage(), label: "My usage", icon: "◔" },
  { href: routes.tokens(), label: "Tokens", icon: "#", signedInOnly: true },
  { href: routes.users(), label: "Users", icon: "☺", needs: "users.manage" },
  { href: routes.teams(), label: "Teams", icon: "⚑", needs: "teams.manage" },
  { href: routes.budgets(), label: "Budgets", icon: "◫", needs: "budgets.manage" },
  { href: routes.prices(), label: "Prices", icon: "$", needs: "prices.manage" },
  { href: routes.sso(), label: "Directory groups", icon: "⇄", needs: "users.manage" },
  { href: routes.audit(), label: "Audit log", icon: "≡", needs: "audit.read" },
];

/**
 * The sections. From md up they are a sidebar; on a phone they fold behind a Menu button (a
 * disclosure: aria-expanded, Escape closes it and gives focus back to the button, following a
 * link closes it).
 */
export function Nav() {
  const pathname = usePathname();
  const { user, authMode } = useSession();
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();
  // A navigation closes the menu (the page under it changed).
  if (open && openedAt !== pathname) setOpen(false);
  const sections = SECTIONS.filter(
    (s) => (!s.needs || can(user.role, s.needs)) && !(s.signedInOnly && authMode === "off"),
  );
  // The deepest section containing the page is the current one (/usage/me is My usage, not Usage).
  const current = sections
    .filter((s) => pathname === s.href || pathname.startsWith(`${s.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return (
    <nav
      aria-label="Sections"
      className="ml-auto md:ml-0"
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => {
          setOpenedAt(pathname);
          setOpen((o) => !o);
        }}
        className="inline-flex h-9 items-center gap-2 rounded-md border border-border px-3 text-sm font-medium hover:bg-surface-2 md:hidden"
      >
        <span aria-hidden>{open ? "✕" : "☰"}</span>
        Menu
        {current && <span className="sr-only">, current section {current.label}</span>}
      </button>
      <ul
        id={listId}
        className={`${open ? "flex" : "hidden"} absolute inset-x-0 top-full z-40 flex-col gap-1 border-b border-border bg-surface p-2 shadow-lg md:static md:flex md:border-0 md:p-0 md:shadow-none`}
      >
        {sections.map((s) => {
          const active = s === current;
          return (
            <li key={s.href}>
              <Link
                href={s.href}
                aria-current={active ? "page" : undefined}
                onClick={() => setOpen(false)}
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
