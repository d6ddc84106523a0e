import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { routes } from "@/lib/routes";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[70vh] max-w-md flex-col items-center justify-center gap-3 px-6 text-center">
      <p className="text-sm font-medium text-accent">404</p>
      <h1 className="text-2xl font-semibold">This page does not exist</h1>
      <p className="text-muted">
        The address may be mistyped, or what it pointed to (a job, a file, a model) was deleted.
      </p>
      <Link href={routes.playground()} className={buttonVariants({ variant: "primary" })}>
        Go to the playground
      </Link>
    </main>
  );
}
