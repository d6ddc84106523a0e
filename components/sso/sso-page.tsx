"use client";

import { useId, useState } from "react";
import { Forbidden } from "@/components/auth/forbidden";
import { useCan } from "@/components/auth/session";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { inputClassFor } from "@/components/ui/field";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { toApiError } from "@/lib/api/errors";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { putSsoMappingsBody, type SsoMappingsResponse, type SsoRule } from "@/lib/console/sso";
import { TEAM_ROLES, type TeamRole } from "@/lib/console/teams";
import { useSaveSsoMappings, useSsoMappings } from "./use-sso-mappings";

/** A rule being edited, with a key that follows it when it moves. */
type Row = SsoRule & { key: string };

const rowsOf = (rules: SsoRule[]): Row[] => rules.map((r, i) => ({ ...r, key: `saved-${i}` }));
const rulesOf = (rows: Row[]): SsoRule[] =>
  rows.map((r) => ({ group: r.group, teamId: r.teamId, teamRole: r.teamRole, role: r.role }));

let added = 0;

const moveButtonId = (key: string, by: -1 | 1) => `rule-${key}-${by === -1 ? "up" : "down"}`;

/** Admins map identity-provider groups to teams and roles, as an ordered list of rules. */
export function SsoPage() {
  const allowed = useCan("users.manage");
  const mappings = useSsoMappings({ enabled: allowed });
  if (!allowed) {
    return (
      <>
        <PageHeader title="Directory groups" />
        <Forbidden permission="users.manage" />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Directory groups"
        description="With single sign-on, the groups your identity provider lists for a user decide their team and console role, at each sign-in."
      />
      {mappings.isError ? (
        <ErrorState error={mappings.error} onRetry={() => mappings.refetch()} />
      ) : mappings.isPending ? (
        <LoadingState label="Loading the rules…" />
      ) : (
        // Keyed by the saved list, so the editor starts again from each saved version.
        <RulesEditor key={JSON.stringify(mappings.data.rules)} data={mappings.data} />
      )}
    </>
  );
}

function SsoNote({ sso }: { sso: SsoMappingsResponse["sso"] }) {
  if (!sso) {
    return (
      <div role="note" className="rounded-lg border border-warning/40 bg-warning-soft px-4 py-3">
        <p className="text-sm font-medium">Single sign-on is not configured</p>
        <p className="mt-0.5 text-sm">
          Set <code>OIDC_ISSUER</code>, <code>OIDC_CLIENT_ID</code> and{" "}
          <code>OIDC_CLIENT_SECRET</code> to offer it. Rules saved here apply once it is.
        </p>
      </div>
    );
  }
  return (
    <p role="note" className="text-sm">
      Groups are read from the <code className="font-medium">{sso.groupsClaim}</code> claim that{" "}
      {sso.name} sends (in its ID token or userinfo); <code>OIDC_GROUPS_CLAIM</code> names another.
    </p>
  );
}

function RulesEditor({ data }: { data: SsoMappingsResponse }) {
  const toast = useToast();
  const save = useSaveSsoMappings();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(data.rules));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const changed = JSON.stringify(rulesOf(rows)) !== JSON.stringify(data.rules);

  const edit = (next: Row[]) => {
    setRows(next);
    setErrors({});
  };
  const update = (i: number, patch: Partial<SsoRule>) =>
    edit(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...rows];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    edit(next);
    // Keyboard users stay on the rule they moved: on the same button, or on the other one once
    // the rule reaches the top or the bottom (a disabled button cannot hold focus).
    const key = rows[i].key;
    requestAnimationFrame(() => {
      const same = document.getElementById(moveButtonId(key, by));
      const other = document.getElementById(moveButtonId(key, by === -1 ? 1 : -1));
      (same instanceof HTMLButtonElement && !same.disabled ? same : other)?.focus();
    });
  };
  const add = () =>
    edit([
      ...rows,
      { key: `new-${++added}`, group: "", teamId: null, teamRole: null, role: "member" },
    ]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = putSsoMappingsBody.safeParse({ rules: rulesOf(rows) });
    if (!parsed.success) {
      setErrors(
        Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]).reverse()),
      );
      return;
    }
    save.mutate(parsed.data, {
      onSuccess: () => toast({ tone: "success", title: "Directory groups saved" }),
      onError: (error) => {
        const e = toApiError(error);
        setErrors({ [e.param ?? "form"]: e.message || "The rules were not saved." });
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <SsoNote sso={data.sso} />
      <ul className="list-disc space-y-0.5 pl-5 text-sm text-muted">
        <li>Rules are read top to bottom: the first matching rule with a team decides the team.</li>
        <li>The highest console role among the matching rules is the user&apos;s role.</li>
        <li>A user whose groups match no rule is a viewer in no team.</li>
        <li>
          With no rules, sign-on changes nobody&apos;s team or role. Accounts with a password are
          never changed.
        </li>
      </ul>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border px-4 py-6 text-center text-sm text-muted">
          No rules yet: roles and teams are set by hand on the Users page.
        </p>
      ) : (
        <ol aria-label="Rules" className="flex flex-col gap-2">
          {rows.map((row, i) => (
            <RuleRow
              key={row.key}
              row={row}
              index={i}
              last={i === rows.length - 1}
              teams={data.teams}
              errors={errors}
              onChange={(patch) => update(i, patch)}
              onMove={(by) => move(i, by)}
              onRemove={() => edit(rows.filter((_, j) => j !== i))}
            />
          ))}
        </ol>
      )}
      {errors.form && (
        <p role="alert" className="text-sm text-danger">
          {errors.form}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={add}>
          Add rule
        </Button>
        <Button type="submit" variant="primary" disabled={!changed || save.isPending}>
          {save.isPending ? "Saving…" : "Save rules"}
        </Button>
        {changed && (
          <Button type="button" variant="ghost" onClick={() => edit(rowsOf(data.rules))}>
            Discard changes
          </Button>
        )}
      </div>
    </form>
  );
}

function RuleRow({
  row,
  index,
  last,
  teams,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  row: Row;
  index: number;
  last: boolean;
  teams: SsoMappingsResponse["teams"];
  errors: Record<string, string>;
  onChange: (patch: Partial<SsoRule>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const n = index + 1;
  const error = (field: keyof SsoRule) => errors[`rules.${index}.${field}`];
  const control = (field: keyof SsoRule) => ({
    id: `${id}-${field}`,
    "aria-invalid": error(field) ? true : undefined,
    "aria-describedby": error(field) ? `${id}-${field}-error` : undefined,
  });
  const label = (field: keyof SsoRule, text: string) => (
    <label htmlFor={`${id}-${field}`} className="text-xs font-medium text-muted">
      {text}
      <span className="sr-only"> (rule {n})</span>
    </label>
  );
  const problem = (field: keyof SsoRule) =>
    error(field) && (
      <p id={`${id}-${field}-error`} className="text-xs text-danger">
        {error(field)}
      </p>
    );
  const select = inputClassFor({ width: "w-full" });
  return (
    <li className="grid grid-cols-2 gap-x-3 gap-y-2 rounded-lg border border-border bg-surface p-3 sm:grid-cols-[2rem_minmax(10rem,2fr)_minmax(8rem,1.5fr)_minmax(6rem,1fr)_minmax(6rem,1fr)_auto] sm:items-end">
      <span
        aria-hidden
        className="col-span-2 text-sm font-semibold text-muted sm:col-span-1 sm:pb-2"
      >
        {n}.
      </span>
      <div className="col-span-2 flex flex-col gap-1 sm:col-span-1">
        {label("group", "Group")}
        <input
          {...control("group")}
          value={row.group}
          placeholder="e.g. ml-engineers"
          autoComplete="off"
          spellCheck={false}
          className={inputClassFor()}
          onChange={(e) => onChange({ group: e.target.value })}
        />
        {problem("group")}
      </div>
      <div className="col-span-2 flex flex-col gap-1 sm:col-span-1">
        {label("teamId", "Team")}
        <select
          {...control("teamId")}
          value={row.teamId ?? ""}
          className={select}
          onChange={(e) =>
            onChange(
              e.target.value
                ? { teamId: e.target.value, teamRole: row.teamRole ?? "member" }
                : { teamId: null, teamRole: null },
            )
          }
        >
          <option value="">No team</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        {problem("teamId")}
      </div>
      <div className="flex flex-col gap-1">
        {label("teamRole", "Role in team")}
        <select
          {...control("teamRole")}
          value={row.teamRole ?? ""}
          disabled={!row.teamId}
          className={select}
          onChange={(e) => onChange({ teamRole: e.target.value as TeamRole })}
        >
          {!row.teamId && <option value="">—</option>}
          {TEAM_ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        {label("role", "Console role")}
        <select
          {...control("role")}
          value={row.role ?? ""}
          className={select}
          onChange={(e) => onChange({ role: (e.target.value || null) as Role | null })}
        >
          <option value="">No role</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        {problem("role")}
      </div>
      <div className="col-span-2 flex gap-1 sm:col-span-1">
        <Button
          type="button"
          size="sm"
          variant="ghost"
          id={moveButtonId(row.key, -1)}
          aria-label={`Move rule ${n} up`}
          title="Move up"
          disabled={index === 0}
          onClick={() => onMove(-1)}
        >
          ↑
        </Button>
        <Button
          type="button"
          size="sm"
          variant="ghost"
          id={moveButtonId(row.key, 1)}
          aria-label={`Move rule ${n} down`}
          title="Move down"
          disabled={last}
          onClick={() => onMove(1)}
        >
          ↓
        </Button>
        <Button
          type="button"
          size="sm"
          variant="ghost"
          aria-label={`Remove rule ${n}`}
          onClick={onRemove}
        >
          Remove
        </Button>
      </div>
    </li>
  );
}
