// The first samples of a checked file, drawn as the conversations they train on.

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => !!v && typeof v === "object" && !Array.isArray(v);

/** Message content is a string, or (in newer formats) a list of chunks with text. */
function contentText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    return value
      .map((c) => (isRec(c) && typeof c.text === "string" ? c.text : JSON.stringify(c)))
      .join("\n");
  }
  return value == null ? "" : JSON.stringify(value);
}

const roleTone: Record<string, string> = {
  system: "bg-surface-2 text-muted",
  user: "bg-info-soft text-info",
  assistant: "bg-accent-soft text-accent",
  tool: "bg-warning-soft text-warning",
};

function Message({ message }: { message: Rec }) {
  const role = typeof message.role === "string" ? message.role : "?";
  const text = contentText(message.content ?? message.text);
  const calls = Array.isArray(message.tool_calls) ? message.tool_calls : [];
  return (
    <li className="flex gap-2">
      <span
        className={`h-fit w-20 shrink-0 rounded px-1.5 py-0.5 text-center text-xs font-medium ${roleTone[role] ?? "bg-surface-2 text-muted"}`}
      >
        {role}
      </span>
      <div className="min-w-0 flex-1">
        {text && <p className="line-clamp-6 break-words whitespace-pre-wrap">{text}</p>}
        {calls.map((call, i) => {
          const fn = isRec(call) && isRec(call.function) ? call.function : {};
          return (
            <p key={i} className="font-mono text-xs break-all text-muted">
              → {String(fn.name ?? "?")}({contentText(fn.arguments)})
            </p>
          );
        })}
        {message.weight === 0 && <p className="text-xs text-muted">weight 0: not trained on</p>}
      </div>
    </li>
  );
}

function Sample({ sample, line }: { sample: unknown; line: number | undefined }) {
  const messages = isRec(sample) ? (sample.messages ?? sample.interactions) : undefined;
  return (
    <li className="rounded-md border border-border bg-surface p-3">
      <p className="mb-2 text-xs font-medium text-muted">
        {line === undefined ? "Sample" : `Line ${line}`}
      </p>
      {Array.isArray(messages) ? (
        <ol className="flex flex-col gap-2 text-sm">
          {messages.filter(isRec).map((m, i) => (
            <Message key={i} message={m} />
          ))}
        </ol>
      ) : isRec(sample) &&
        (typeof sample.text === "string" || typeof sample.content === "string") ? (
        <p className="line-clamp-8 text-sm break-words whitespace-pre-wrap">
          {String(sample.text ?? sample.content)}
        </p>
      ) : (
        <pre className="overflow-auto text-xs">{JSON.stringify(sample, null, 2)}</pre>
      )}
    </li>
  );
}

/**
 * Samples are labelled by their line in the file, the number the issues use: the first valid
 * samples skip the invalid lines, so their position in the preview is not their place in the file.
 */
export function SamplePreview({ samples, lines }: { samples: unknown[]; lines: number[] }) {
  if (samples.length === 0) {
    return <p className="text-sm text-muted">No sample without errors to preview.</p>;
  }
  return (
    <ol aria-label="Sample preview" className="flex flex-col gap-2">
      {samples.map((s, i) => (
        <Sample key={i} sample={s} line={lines[i]} />
      ))}
    </ol>
  );
}
