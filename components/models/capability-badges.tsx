import { Badge } from "@/components/ui/badge";
import { capabilityFlags, capabilityLabel } from "@/lib/mistral/capabilities";

/**
 * A model's capabilities as labelled badges: what it can do (known flags in the console's order,
 * then flags the API added since, named readably); a value that is not yes/no with its value; what
 * it cannot do folded away under "Cannot", so a phone shows a short list.
 */
export function CapabilityBadges({ capabilities }: { capabilities: unknown }) {
  const raw = (capabilities ?? {}) as Record<string, unknown>;
  const can = capabilityFlags({ id: "", capabilities: raw });
  const cannot = Object.keys(raw).filter((k) => raw[k] === false);
  const other = Object.keys(raw).filter((k) => typeof raw[k] !== "boolean" && raw[k] != null);
  if (can.length + cannot.length + other.length === 0) return <>—</>;
  return (
    <div className="flex flex-col gap-2">
      {can.length + other.length > 0 ? (
        <ul aria-label="Can" className="flex flex-wrap gap-1">
          {can.map((k) => (
            <li key={k}>
              <Badge tone="success" title={k}>
                {capabilityLabel(k)}
              </Badge>
            </li>
          ))}
          {other.map((k) => (
            <li key={k}>
              <Badge title={k}>
                {capabilityLabel(k)}: {String(raw[k])}
              </Badge>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted">None of the capabilities the API lists.</p>
      )}
      {cannot.length > 0 && (
        <details className="text-xs">
          <summary className="cursor-pointer text-muted">Cannot ({cannot.length})</summary>
          <ul aria-label="Cannot" className="mt-1 flex flex-wrap gap-1">
            {cannot.map((k) => (
              <li key={k}>
                <Badge title={k}>{capabilityLabel(k)}</Badge>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
