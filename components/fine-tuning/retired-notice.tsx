import Link from "next/link";
import { FINE_TUNING_RETIRED_ON } from "@/lib/fine-tuning/retirement";
import { routes } from "@/lib/routes";

/**
 * What happened to fine-tuning, where the jobs API has been retired (it answers 410): no training
 * any more, the fine-tuned models stay under Models, and what the console still shows (`children`
 * says which, e.g. the archive below).
 */
export function RetiredNotice({ children }: { children?: React.ReactNode }) {
  return (
    <section
      aria-label="Fine-tuning training has been retired"
      className="rounded-xl border border-info/40 bg-info-soft px-4 py-3 text-sm"
    >
      <h2 className="font-semibold">Fine-tuning training has been retired</h2>
      <p className="mt-1">
        Mistral retired fine-tuning training in {FINE_TUNING_RETIRED_ON}: the API no longer creates,
        lists or runs jobs. Your fine-tuned models stay usable and manageable under{" "}
        <Link href={routes.models()} className="font-medium text-accent underline">
          Models
        </Link>
        .
      </p>
      {children && <p className="mt-1">{children}</p>}
    </section>
  );
}

/** The mark of a job shown from the console's archive rather than from the API. */
export function ArchivedBadge() {
  return (
    <span className="inline-flex items-center rounded-full border border-border bg-surface-2 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-muted">
      Archived
    </span>
  );
}
