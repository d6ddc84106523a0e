import { formatNumber } from "@/lib/format";

/** A similarity matrix as a table whose cells are shaded from the lowest value to 1. */
export function HeatMap({ labels, matrix }: { labels: string[]; matrix: number[][] }) {
  const off = matrix.flatMap((row, i) => row.filter((_, j) => j !== i));
  const low = off.length ? Math.min(...off) : 0;
  const span = Math.max(1e-9, 1 - low);
  const shade = (v: number) => Math.round(Math.max(0, Math.min(1, (v - low) / span)) * 85);
  return (
    <div className="flex flex-col gap-2">
      <div className="overflow-x-auto">
        <table className="border-separate border-spacing-1 text-xs">
          <caption className="mb-1 text-left text-sm font-semibold">Cosine similarity</caption>
          <thead>
            <tr>
              <td />
              {labels.map((l, j) => (
                <th key={j} scope="col" title={l} className="px-1 font-medium text-muted">
                  #{j + 1}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.map((row, i) => (
              <tr key={i}>
                <th
                  scope="row"
                  title={labels[i]}
                  className="max-w-48 truncate pr-2 text-left font-medium text-muted"
                >
                  #{i + 1} {labels[i]}
                </th>
                {row.map((v, j) => {
                  const p = shade(v);
                  return (
                    <td
                      key={j}
                      title={`#${i + 1} and #${j + 1}: ${v.toFixed(4)}`}
                      aria-label={`Similarity of text ${i + 1} and text ${j + 1}: ${v.toFixed(3)}`}
                      className="h-10 min-w-14 rounded text-center tabular-nums"
                      style={{
                        backgroundColor: `color-mix(in oklab, var(--accent) ${p}%, var(--surface-2))`,
                        color: p > 55 ? "var(--accent-fg)" : "var(--text)",
                      }}
                    >
                      {formatNumber(v, 2)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex items-center gap-2 text-xs text-muted" aria-hidden>
        <span>{formatNumber(low, 2)}</span>
        <span
          className="h-2 w-32 rounded"
          style={{
            background:
              "linear-gradient(to right, var(--surface-2), color-mix(in oklab, var(--accent) 85%, var(--surface-2)))",
          }}
        />
        <span>1.00</span>
      </div>
    </div>
  );
}
