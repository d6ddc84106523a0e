"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { Field, inputClass, inputClassFor } from "@/components/ui/field";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { consoleFetch, postJson } from "@/lib/api/console";
import { ApiError, describeError } from "@/lib/api/errors";
import { ROLE_DESCRIPTIONS, ROLES, type Role } from "@/lib/auth/permissions";
import { formatDateTime, formatRelative } from "@/lib/format";
import { Forbidden } from "./forbidden";
import { useCan, useSession } from "./session";

export interface UserInfo {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
  disabled: boolean;
  rateLimitPerMinute: number | null;
}

const KEY = ["console-users"];

/** Admins manage accounts: create, role, disable, per-user limit, delete. */
export function UsersPage() {
  const allowed = useCan("users.manage");
  const { user: me } = useSession();
  const client = useQueryClient();
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<UserInfo | null>(null);
  const users = useQuery({
    queryKey: KEY,
    queryFn: () => consoleFetch<{ users: UserInfo[] }>("/api/console/users"),
    enabled: allowed,
  });
  const fail = (error: unknown) => {
    const { title, hint } = describeError(error);
    toast({ tone: "error", title, body: hint });
  };
  const update = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: Partial<UserInfo> }) =>
      postJson<{ user: UserInfo }>(`/api/console/users/${encodeURIComponent(id)}`, patch, "PATCH"),
    onSuccess: ({ user }) => {
      toast({ tone: "success", title: `${user.email} updated` });
      void client.invalidateQueries({ queryKey: KEY });
    },
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: (u: UserInfo) =>
      consoleFetch<void>(`/api/console/users/${encodeURIComponent(u.id)}`, { method: "DELETE" }),
    onSuccess: (_, u) => {
      setDeleting(null);
      toast({ tone: "success", title: `${u.email} deleted` });
      void client.invalidateQueries({ queryKey: KEY });
    },
    onError: fail,
  });

  if (!allowed) {
    return (
      <>
        <PageHeader title="Users" />
        <Forbidden permission="users.manage" what="manage users" />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Users"
        description="Who may use this console, and as what. Accounts are made here; nobody signs up."
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            Add user
          </Button>
        }
      />
      {users.isPending ? (
        <LoadingState label="Loading users…" />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => users.refetch()} />
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-border">
          <table className="w-full text-sm">
            <thead className="bg-surface-2 text-left text-xs text-muted">
              <tr>
                <th className="px-3 py-2 font-medium">Name</th>
                <th className="px-3 py-2 font-medium">Email</th>
                <th className="px-3 py-2 font-medium">Role</th>
                <th className="px-3 py-2 font-medium">Status</th>
                <th className="px-3 py-2 font-medium">Requests / min</th>
                <th className="px-3 py-2 font-medium">Created</th>
                <th className="px-3 py-2 font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.users.map((u) => {
                const self = u.id === me.id;
                return (
                  <tr key={u.id} className="border-t border-border">
                    <td className="px-3 py-2 font-medium">
                      {u.name} {self && <Badge>you</Badge>}
                    </td>
                    <td className="px-3 py-2">{u.email}</td>
                    <td className="px-3 py-2">
                      <select
                        aria-label={`Role of ${u.email}`}
                        className={inputClassFor({ width: "w-28" })}
                        value={u.role}
                        disabled={self || update.isPending}
                        title={self ? "You cannot change your own role" : undefined}
                        onChange={(e) =>
                          update.mutate({ id: u.id, patch: { role: e.target.value as Role } })
                        }
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {r}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="px-3 py-2">
                      {u.disabled ? (
                        <Badge tone="danger">disabled</Badge>
                      ) : (
                        <Badge tone="success">active</Badge>
                      )}
                    </td>
                    <td className="px-3 py-2">
                      <LimitEditor
                        user={u}
                        onSave={(v) =>
                          update.mutate({ id: u.id, patch: { rateLimitPerMinute: v } })
                        }
                      />
                    </td>
                    <td className="px-3 py-2">
                      <time dateTime={u.createdAt} title={formatDateTime(u.createdAt)}>
                        {formatRelative(u.createdAt)}
                      </time>
                    </td>
                    <td className="px-3 py-2 text-right whitespace-nowrap">
                      {!self && (
                        <>
                          <Button
                            size="sm"
                            variant="ghost"
                            aria-label={`${u.disabled ? "Enable" : "Disable"} ${u.email}`}
                            onClick={() =>
                              update.mutate({ id: u.id, patch: { disabled: !u.disabled } })
                            }
                          >
                            {u.disabled ? "Enable" : "Disable"}
                          </Button>
                          <Button
                            size="sm"
                            variant="ghost"
                            aria-label={`Delete ${u.email}`}
                            onClick={() => setDeleting(u)}
                          >
                            Delete
                          </Button>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate(deleting)}
        title="Delete user"
        busy={remove.isPending}
      >
        <p>
          Delete {deleting?.email}? Their sessions and console tokens stop working at once. Their
          audit entries stay.
        </p>
      </ConfirmDialog>
    </>
  );
}

function LimitEditor({ user, onSave }: { user: UserInfo; onSave: (value: number | null) => void }) {
  const [value, setValue] = useState(user.rateLimitPerMinute?.toString() ?? "");
  const current = user.rateLimitPerMinute?.toString() ?? "";
  const valid = value === "" || /^[1-9]\d{0,5}$/.test(value);
  return (
    <form
      className="flex items-center gap-1"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid && value !== current) onSave(value === "" ? null : Number(value));
      }}
    >
      <input
        aria-label={`Requests per minute for ${user.email}`}
        aria-invalid={!valid || undefined}
        inputMode="numeric"
        placeholder="default"
        className={inputClassFor({ height: "h-8", width: "w-24" })}
        value={value}
        onChange={(e) => setValue(e.target.value.trim())}
      />
      {value !== current && (
        <Button size="sm" type="submit" disabled={!valid}>
          Save
        </Button>
      )}
    </form>
  );
}

function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const toast = useToast();
  const empty = { name: "", email: "", password: "", role: "member" as Role };
  const [form, setForm] = useState(empty);
  const create = useMutation({
    mutationFn: () => postJson<{ user: UserInfo }>("/api/console/users", form),
    onSuccess: ({ user }) => {
      toast({ tone: "success", title: `${user.email} added as ${user.role}` });
      void client.invalidateQueries({ queryKey: KEY });
      setForm(empty);
      close();
    },
  });
  const close = () => {
    create.reset();
    onClose();
  };
  const error = create.error instanceof ApiError ? create.error : null;
  const fieldError = (f: string) => (error?.param === f ? error.message : null);
  const set =
    (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <Dialog
      open={open}
      onClose={close}
      title="Add user"
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button
            variant="primary"
            disabled={create.isPending || !form.name || !form.email || form.password.length < 12}
            onClick={() => create.mutate()}
          >
            {create.isPending ? "Creating…" : "Create user"}
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-3">
        <Field label="Name" error={fieldError("name")}>
          {(ids) => (
            <input {...ids} className={inputClass} value={form.name} onChange={set("name")} />
          )}
        </Field>
        <Field label="Email" error={fieldError("email")}>
          {(ids) => (
            <input
              {...ids}
              type="email"
              className={inputClass}
              value={form.email}
              onChange={set("email")}
            />
          )}
        </Field>
        <Field
          label="Password"
          description="12 to 128 characters; tell them to keep it safe."
          error={fieldError("password")}
        >
          {(ids) => (
            <input
              {...ids}
              type="password"
              autoComplete="new-password"
              className={inputClass}
              value={form.password}
              onChange={set("password")}
            />
          )}
        </Field>
        <Field label="Role" description={ROLE_DESCRIPTIONS[form.role]} error={fieldError("role")}>
          {(ids) => (
            <select {...ids} className={inputClass} value={form.role} onChange={set("role")}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          )}
        </Field>
        {error && !error.param && (
          <p role="alert" className="text-sm text-danger">
            {describeError(error).title}
          </p>
        )}
      </div>
    </Dialog>
  );
}
