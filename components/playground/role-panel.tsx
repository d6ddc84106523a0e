import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

/**
 * Stands in for a tool the signed-in user's role cannot use: says why, and where to go instead.
 * The server refuses the calls anyway; this keeps the user from filling in a form first.
 */
export function RolePanel({
  title,
  children,
  link,
}: {
  title: string;
  children: React.ReactNode;
  link?: { href: string; label: string };
}) {
  return (
    <section
      aria-label={title}
      className="mx-auto max-w-2xl rounded-xl border border-border bg-surface px-6 py-8 text-center"
    >
      <span
        aria-hidden
        className="mx-auto mb-3 grid h-9 w-9 place-items-center rounded-full bg-surface-2 text-muted"
      >
        <svg
          viewBox="0 0 24 24"
          className="h-4 w-4"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <rect x="5" y="11" width="14" height="9" rx="2" />
          <path d="M8 11V8a4 4 0 0 1 8 0v3" />
        </svg>
      </span>
      <h2 className="font-semibold">{title}</h2>
      <div className="mt-1 text-sm text-muted">{children}</div>
      {link && (
        <div className="mt-4 flex justify-center">
          <Link href={link.href} className={buttonVariants({ variant: "secondary", size: "sm" })}>
            {link.label}
          </Link>
        </div>
      )}
    </section>
  );
}
