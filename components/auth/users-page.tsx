"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { Field, inputClass, inputClassFor } from "@/components/ui/field";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { describeError } from "@/lib/api/errors";
import { showServerError } from "@/lib/api/form-errors";
import {
  useConsoleUsers,
  useCreateConsoleUser,
  useDeleteConsoleUser,
  useUpdateConsoleUser,
} from "@/lib/api/hooks/use-console-users";
import { ROLE_DESCRIPTIONS, ROLES, type Role } from "@/lib/auth/permissions";
import { PASSWORD_RULE } from "@/lib/console/fields";
import {
  createUserBody,
  rateLimitInput,
  type UpdateUserBody,
  type UserInfo,
} from "@/lib/console/users";
import { formatDateTime, formatRelative } from "@/lib/format";
import { Forbidden } from "./forbidden";
import { useCan, useSession } from "./session";

/** Admins manage accounts: create, role, disable, per-user limit, delete. */
export function UsersPage() {
  const allowed = useCan("users.manage");
  const { user: me } = useSession();
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<UserInfo | null>(null);
  const users = useConsoleUsers({ enabled: allowed });
  const fail = (error: unknown) => {
    const { title, hint } = describeError(error);
    toast({ tone: "error", title, body: hint });
  };
  const update = useUpdateConsoleUser();
  const remove = useDeleteConsoleUser();
  const change = (id: string, patch: UpdateUserBody) =>
    update.mutate(
      { id, patch },
      {
        onSuccess: (user) => toast({ tone: "success", title: `${user.email} updated` }),
        onError: fail,
      },
    );
  const confirmDelete = (u: UserInfo) =>
    remove.mutate(u, {
      onSuccess: () => {
        setDeleting(null);
        toast({ tone: "success", title: `${u.email} deleted` });
      },
      onError: fail,
    });

  const columns: ColumnDef<UserInfo>[] = [
    {
      id: "name",
      accessorKey: "name",
      header: "Name",
      meta: { rowHeader: true, cellClassName: "font-medium" },
      cell: ({ row: { original: u } }) => (
        <>
          {u.name} {u.id === me.id && <Badge>you</Badge>}
        </>
      ),
    },
    { id: "email", accessorKey: "email", header: "Email" },
    {
      id: "role",
      accessorKey: "role",
      header: "Role",
      cell: ({ row: { original: u } }) => {
        const self = u.id === me.id;
        return (
          <select
            aria-label={`Role of ${u.email}`}
            className={inputClassFor({ width: "w-28" })}
            value={u.role}
            disabled={self || update.isPending}
            title={self ? "You cannot change your own role" : undefined}
            onChange={(e) => change(u.id, { role: e.target.value as Role })}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        );
      },
    },
    {
      id: "team",
      accessorFn: (u) => u.team?.name ?? "",
      header: "Team",
      cell: ({ row: { original: u } }) =>
        u.team ? (
          <>
            {u.team.name} {u.team.role === "admin" && <Badge tone="info">team admin</Badge>}
          </>
        ) : (
          <span className="text-muted">—</span>
        ),
    },
    {
      id: "status",
      accessorFn: (u) => (u.disabled ? "disabled" : "active"),
      header: "Status",
      cell: ({ row: { original: u } }) =>
        u.disabled ? <Badge tone="danger">disabled</Badge> : <Badge tone="success">active</Badge>,
    },
    {
      id: "limit",
      header: "Requests / min",
      enableSorting: false,
      cell: ({ row: { original: u } }) => (
        <LimitEditor user={u} onSave={(v) => change(u.id, { rateLimitPerMinute: v })} />
      ),
    },
    {
      id: "createdAt",
      accessorKey: "createdAt",
      header: "Created",
      sortDescFirst: true,
      cell: ({ row: { original: u } }) => (
        <time dateTime={u.createdAt} title={formatDateTime(u.createdAt)}>
          {formatRelative(u.createdAt)}
        </time>
      ),
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      meta: { label: "Actions", align: "right", cellClassName: "whitespace-nowrap" },
      cell: ({ row: { original: u } }) =>
        u.id !== me.id && (
          <>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`${u.disabled ? "Enable" : "Disable"} ${u.email}`}
              onClick={() => change(u.id, { disabled: !u.disabled })}
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
        ),
    },
  ];

  if (!allowed) {
    return (
      <>
        <PageHeader title="Users" />
        <Forbidden permission="users.manage" />
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
      {users.isError ? (
        <ErrorState error={users.error} onRetry={() => users.refetch()} />
      ) : (
        <DataTable
          label="Users"
          data={users.data ?? []}
          columns={columns}
          getRowId={(u) => u.id}
          defaultSorting={[{ id: "email", desc: false }]}
          loading={users.isPending}
          loadingState={<LoadingState label="Loading users…" />}
        />
      )}
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && confirmDelete(deleting)}
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

const limitForm = z.object({ limit: rateLimitInput });

/** The per-user cap on spending calls a minute: empty for the console's default. */
function LimitEditor({ user, onSave }: { user: UserInfo; onSave: (value: number | null) => void }) {
  const current = user.rateLimitPerMinute?.toString() ?? "";
  const { register, handleSubmit, control, formState } = useForm({
    resolver: zodResolver(limitForm),
    mode: "onChange",
    // Follows the saved value once the list is fetched again.
    values: { limit: current },
  });
  const value = useWatch({ control, name: "limit" });
  return (
    <form
      className="flex items-center gap-1"
      noValidate
      onSubmit={handleSubmit(({ limit }) => {
        if (value.trim() !== current) onSave(limit);
      })}
    >
      <input
        {...register("limit")}
        aria-label={`Requests per minute for ${user.email}`}
        aria-invalid={formState.errors.limit ? true : undefined}
        title={formState.errors.limit?.message}
        inputMode="numeric"
        placeholder="default"
        className={inputClassFor({ height: "h-8", width: "w-24" })}
      />
      {value.trim() !== current && (
        <Button size="sm" type="submit" disabled={!formState.isValid}>
          Save
        </Button>
      )}
    </form>
  );
}

const FIELDS = Object.keys(createUserBody.shape);
const EMPTY = { name: "", email: "", password: "", role: "member" as Role };

function CreateUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const toast = useToast();
  const create = useCreateConsoleUser();
  const {
    register,
    handleSubmit,
    control,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(createUserBody), defaultValues: EMPTY });
  const [name, email, password, role] = useWatch({
    control,
    name: ["name", "email", "password", "role"],
  });
  const close = () => {
    reset(EMPTY);
    onClose();
  };
  const submit = handleSubmit(async (body) => {
    try {
      const user = await create.mutateAsync(body);
      toast({ tone: "success", title: `${user.email} added as ${user.role}` });
      close();
    } catch (error) {
      showServerError(error, FIELDS, setError);
    }
  });
  return (
    <Dialog
      open={open}
      onClose={close}
      title="Add user"
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button
            type="submit"
            form="create-user"
            variant="primary"
            disabled={isSubmitting || !name || !email || !password}
          >
            {isSubmitting ? "Creating…" : "Create user"}
          </Button>
        </>
      }
    >
      <form id="create-user" onSubmit={submit} noValidate className="flex flex-col gap-3">
        <Field label="Name" error={errors.name?.message}>
          {(ids) => <input {...ids} {...register("name")} className={inputClass} />}
        </Field>
        <Field label="Email" error={errors.email?.message}>
          {(ids) => <input {...ids} {...register("email")} type="email" className={inputClass} />}
        </Field>
        <Field
          label="Password"
          description={`${PASSWORD_RULE}; tell them to keep it safe.`}
          error={errors.password?.message}
        >
          {(ids) => (
            <input
              {...ids}
              {...register("password")}
              type="password"
              autoComplete="new-password"
              className={inputClass}
            />
          )}
        </Field>
        <Field label="Role" description={ROLE_DESCRIPTIONS[role]} error={errors.role?.message}>
          {(ids) => (
            <select {...ids} {...register("role")} className={inputClass}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          )}
        </Field>
        {errors.root?.server && (
          <p role="alert" className="text-sm text-danger">
            {errors.root.server.message}
          </p>
        )}
      </form>
    </Dialog>
  );
}
