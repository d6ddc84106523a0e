"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useSyncExternalStore } from "react";
import { useForm, useWatch } from "react-hook-form";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field, inputClass, inputClassFor } from "@/components/ui/field";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { describeError } from "@/lib/api/errors";
import { showServerError } from "@/lib/api/form-errors";
import {
  useConsoleTokens,
  useCreateConsoleToken,
  useRevokeConsoleToken,
} from "@/lib/api/hooks/use-console-tokens";
import {
  createTokenBody,
  TOKEN_NAME_MAX,
  type CreatedToken,
  type TokenInfo,
} from "@/lib/console/tokens";
import { formatDateTime, formatRelative } from "@/lib/format";
import { useCan, useSession } from "./session";

function When({ value, never = "—" }: { value: string | null; never?: string }) {
  if (!value) return <span className="text-muted">{never}</span>;
  return (
    <time dateTime={value} title={formatDateTime(value)}>
      {formatRelative(value)}
    </time>
  );
}

/** Personal console tokens: create (the secret is shown once), list, revoke. */
export function TokensPage() {
  const { authMode } = useSession();
  const canAll = useCan("tokens.manage_any");
  const [all, setAll] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<TokenInfo | null>(null);
  const toast = useToast();
  const tokens = useConsoleTokens(all ? "all" : "own", { enabled: authMode === "on" });
  const create = useCreateConsoleToken();
  const revoke = useRevokeConsoleToken();
  const form = useForm({ resolver: zodResolver(createTokenBody), defaultValues: { name: "" } });
  const name = useWatch({ control: form.control, name: "name" });
  const nameError =
    form.formState.errors.name?.message ?? form.formState.errors.root?.server?.message;
  const submit = form.handleSubmit(async (body) => {
    try {
      setCreated(await create.mutateAsync(body));
      form.reset();
    } catch (error) {
      // Whatever refused it (the name, or this session may not make tokens), it is said there.
      showServerError(error, ["name"], form.setError);
    }
  });
  const onRevoke = (token: TokenInfo) =>
    revoke.mutate(token, {
      onSuccess: () => {
        setRevoking(null);
        if (created?.token.id === token.id) setCreated(null);
        toast({ tone: "success", title: `Token “${token.name}” revoked` });
      },
      onError: (error) => toast({ tone: "error", ...describeToast(error) }),
    });
  const origin = useOrigin();

  // Newest first, as the server lists them; a header click sorts otherwise.
  const columns: ColumnDef<TokenInfo>[] = [
    {
      id: "name",
      accessorKey: "name",
      header: "Name",
      meta: { rowHeader: true, cellClassName: "font-medium" },
    },
    {
      id: "prefix",
      header: "Token",
      enableSorting: false,
      meta: { cellClassName: "font-mono text-xs text-muted" },
      cell: ({ row }) => `${row.original.prefix}…`,
    },
    { id: "owner", accessorKey: "userEmail", header: "Owner" },
    {
      id: "createdAt",
      accessorKey: "createdAt",
      header: "Created",
      sortDescFirst: true,
      cell: ({ row }) => <When value={row.original.createdAt} />,
    },
    {
      id: "lastUsedAt",
      accessorFn: (t) => t.lastUsedAt ?? "",
      header: "Last used",
      sortDescFirst: true,
      cell: ({ row }) => <When value={row.original.lastUsedAt} never="Never" />,
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      meta: { label: "Actions", align: "right" },
      cell: ({ row: { original: t } }) => (
        <Button
          size="sm"
          variant="ghost"
          aria-label={`Revoke ${t.name}`}
          onClick={() => setRevoking(t)}
        >
          Revoke
        </Button>
      ),
    },
  ];

  if (authMode === "off") {
    return (
      <>
        <PageHeader title="Console tokens" />
        <EmptyState title="Tokens need sign-in">
          This console runs with CONSOLE_AUTH=off: anyone on this machine can call its API without a
          token.
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Console tokens"
        description="Personal API tokens for scripts and SDKs. A token acts with your role; the Mistral key stays on the server."
      />
      <section className="mb-6 grid grid-cols-1 gap-4 lg:grid-cols-2">
        <form
          className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4"
          onSubmit={submit}
          noValidate
        >
          <h2 className="text-sm font-semibold">New token</h2>
          <Field
            label="Token name"
            description={`What it is for, e.g. “nightly eval script”. Up to ${TOKEN_NAME_MAX} characters.`}
            error={nameError}
          >
            {(ids) => (
              <input
                {...ids}
                {...form.register("name")}
                className={inputClass}
                maxLength={TOKEN_NAME_MAX}
              />
            )}
          </Field>
          <div>
            <Button
              type="submit"
              variant="primary"
              disabled={!name.trim() || form.formState.isSubmitting}
            >
              {form.formState.isSubmitting ? "Creating…" : "Create token"}
            </Button>
          </div>
          {created && (
            <div
              className="flex flex-col gap-2 rounded-md border border-success/50 bg-success-soft p-3"
              role="status"
            >
              <p className="font-medium">Token “{created.token.name}” created</p>
              <p className="text-xs">Copy it now: you will not see it again.</p>
              <div className="flex gap-2">
                <input
                  readOnly
                  aria-label="New token secret"
                  className={`${inputClassFor()} font-mono text-xs`}
                  value={created.secret}
                  onFocus={(e) => e.currentTarget.select()}
                />
                <CopyButton text={created.secret} />
              </div>
            </div>
          )}
        </form>
        <div className="rounded-lg border border-border bg-surface p-4 text-sm">
          <h2 className="text-sm font-semibold">Use it with a Mistral SDK</h2>
          <p className="mt-1 text-muted">
            Point the SDK at this console and pass the token as the API key:
          </p>
          <pre className="mt-2 overflow-x-auto rounded-md bg-surface-2 p-3 font-mono text-xs">
            {`import { Mistral } from "@mistralai/mistralai";

const mistral = new Mistral({
  apiKey: process.env.CONSOLE_TOKEN, // mc_…
  serverURL: "${origin}",
});`}
          </pre>
          <p className="mt-2 text-muted">
            Or with curl:{" "}
            <code className="font-mono text-xs">
              -H &quot;Authorization: Bearer mc_…&quot; {origin}/v1/models
            </code>
          </p>
        </div>
      </section>

      <div className="mb-3 flex items-center justify-between">
        <h2 className="text-sm font-semibold">{all ? "Every user’s tokens" : "Your tokens"}</h2>
        {canAll && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
            All users
          </label>
        )}
      </div>
      {tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => tokens.refetch()} />
      ) : (
        <DataTable
          label={all ? "Every user’s tokens" : "Your tokens"}
          data={tokens.data ?? []}
          columns={columns}
          getRowId={(t) => t.id}
          columnVisibility={{ owner: all }}
          loading={tokens.isPending}
          loadingState={<LoadingState label="Loading tokens…" />}
          empty={
            <EmptyState title="No tokens yet">
              Create one above to call the console from a script.
            </EmptyState>
          }
        />
      )}
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && onRevoke(revoking)}
        title="Revoke token"
        confirmLabel="Revoke"
        busy={revoke.isPending}
      >
        <p>
          Revoke “{revoking?.name}”? Scripts using it get 401 from their next request. This cannot
          be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}

const noSubscription = () => () => {};

/** This console's origin for the SDK sample; a placeholder while rendered on the server. */
function useOrigin(): string {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "https://console.example.com",
  );
}

function describeToast(error: unknown) {
  const { title, hint } = describeError(error);
  return { title, body: hint };
}
