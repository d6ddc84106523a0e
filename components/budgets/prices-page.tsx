"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { useCan } from "@/components/auth/session";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { describeError } from "@/lib/api/errors";
import { showServerError } from "@/lib/api/form-errors";
import { useConsolePrices, useDeletePrice, usePutPrice } from "@/lib/api/hooks/use-console-prices";
import { useModels } from "@/lib/api/hooks/use-models";
import type { PriceInfo } from "@/lib/console/prices";
import { formatDateTime, formatRelative } from "@/lib/format";
import { groupAliases } from "@/lib/models/group";
import {
  PRICE_FIELDS,
  PRICE_LABELS,
  priceBodies,
  priceForm,
  priceFormDefaults,
  type PriceFormOutput,
  type PriceFormValues,
} from "./price-form";

/** One row: a model (with its other names, which get the same prices) and its prices, if any. */
export interface PriceRow {
  model: string;
  aliases: string[];
  price: PriceInfo | null;
  /** Priced here but not (or no longer) listed by the API. */
  unlisted: boolean;
}

/** The models as the models page groups them, then any priced name the API no longer lists. */
export function priceRows(
  models: readonly { id: string; aliases?: string[] | null }[],
  prices: readonly PriceInfo[],
): PriceRow[] {
  const byModel = new Map(prices.map((p) => [p.model, p]));
  const named = new Set<string>();
  const rows: PriceRow[] = models.map((m) => {
    const aliases = m.aliases ?? [];
    for (const n of [m.id, ...aliases]) named.add(n);
    const price = byModel.get(m.id) ?? aliases.map((a) => byModel.get(a)).find(Boolean) ?? null;
    return { model: m.id, aliases, price, unlisted: false };
  });
  for (const p of prices) {
    if (!named.has(p.model)) rows.push({ model: p.model, aliases: [], price: p, unlisted: true });
  }
  return rows;
}

function Amount({ value, unit }: { value: string | null | undefined; unit: string }) {
  return value == null ? (
    <span className="text-muted" title="No price: usage shows tokens only">
      —
    </span>
  ) : (
    <span className="tabular-nums" title={`$${value} ${unit}`}>
      ${value}
    </span>
  );
}

/** What each model costs, as admins set it; calls are priced when they settle, with these. */
export function PricesPage() {
  const canEdit = useCan("prices.manage");
  const toast = useToast();
  const models = useModels();
  const prices = useConsolePrices();
  const [editing, setEditing] = useState<PriceRow | null>(null);
  const [clearing, setClearing] = useState<PriceRow | null>(null);
  const remove = useDeletePrice();
  const rows = useMemo(
    () => priceRows(groupAliases(models.data ?? []), prices.data ?? []),
    [models.data, prices.data],
  );

  const columns: ColumnDef<PriceRow>[] = [
    {
      id: "model",
      accessorKey: "model",
      header: "Model",
      meta: { rowHeader: true },
      cell: ({ row: { original: r } }) => (
        <span className="flex flex-col">
          <span className="font-medium whitespace-nowrap">
            {r.model} {r.unlisted && <Badge>not listed by the API</Badge>}
          </span>
          {r.aliases.length > 0 && (
            <span className="text-xs text-muted">also {r.aliases.join(", ")}</span>
          )}
        </span>
      ),
    },
    ...(
      [
        ["inputPerM", "Input / M tokens", "per million input tokens"],
        ["outputPerM", "Output / M tokens", "per million output tokens"],
        ["perOcrPage", "OCR page", "per OCR page"],
        ["perAudioMinute", "Audio minute", "per audio minute"],
      ] as const
    ).map(([key, header, unit]): ColumnDef<PriceRow> => ({
      id: key,
      accessorFn: (r) => r.price?.[key] ?? "",
      header,
      meta: { align: "right" },
      cell: ({ row: { original: r } }) => <Amount value={r.price?.[key]} unit={unit} />,
    })),
    {
      id: "source",
      accessorFn: (r) => r.price?.source ?? "",
      header: "Source",
      cell: ({ row: { original: r } }) =>
        !r.price ? (
          <span className="text-xs text-muted">no price: usage shows tokens only</span>
        ) : r.price.source === "api" ? (
          <Badge tone="info">from the API</Badge>
        ) : (
          <span title={`${r.price.updatedBy ?? ""} · ${formatDateTime(r.price.updatedAt)}`}>
            <Badge tone="accent">set by an admin</Badge>{" "}
            <span className="text-xs text-muted">{formatRelative(r.price.updatedAt)}</span>
          </span>
        ),
    },
    ...(canEdit
      ? [
          {
            id: "actions",
            header: () => <span className="sr-only">Actions</span>,
            enableSorting: false,
            meta: { label: "Actions", align: "right", cellClassName: "whitespace-nowrap" },
            cell: ({ row: { original: r } }) => (
              <>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`${r.price ? "Edit" : "Set"} the prices of ${r.model}`}
                  onClick={() => setEditing(r)}
                >
                  {r.price ? "Edit" : "Set"}
                </Button>
                {r.price && (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Clear the prices of ${r.model}`}
                    onClick={() => setClearing(r)}
                  >
                    Clear
                  </Button>
                )}
              </>
            ),
          } satisfies ColumnDef<PriceRow>,
        ]
      : []),
  ];

  const error = models.error ?? prices.error;
  return (
    <>
      <PageHeader
        title="Prices"
        description="What each model costs, in US dollars. A call is priced when it ends, with the prices of that moment: changing a price does not rewrite past costs. A model without a price shows tokens only; the console never guesses one."
      />
      {error ? (
        <ErrorState
          error={error}
          onRetry={() => {
            void models.refetch();
            void prices.refetch();
          }}
        />
      ) : (
        <DataTable
          label="Prices"
          data={rows}
          columns={columns}
          getRowId={(r) => r.model}
          defaultSorting={[{ id: "model", desc: false }]}
          loading={models.isPending || prices.isPending}
          loadingState={<LoadingState label="Loading prices…" />}
        />
      )}
      {editing && <PriceDialog row={editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        open={clearing !== null}
        onClose={() => setClearing(null)}
        confirmLabel="Clear prices"
        onConfirm={async () => {
          if (!clearing) return;
          try {
            const names = [clearing.model, ...clearing.aliases];
            const priced = new Set((prices.data ?? []).map((p) => p.model));
            for (const n of names.filter((n) => priced.has(n))) await remove.mutateAsync(n);
            toast({ tone: "success", title: `Prices of ${clearing.model} cleared` });
            setClearing(null);
          } catch (e) {
            const { title, hint } = describeError(e);
            toast({ tone: "error", title, body: hint });
          }
        }}
        title="Clear prices"
        busy={remove.isPending}
      >
        <p>
          Clear the prices of {clearing?.model}? Its calls from now on show tokens only; costs
          already recorded stay.
        </p>
      </ConfirmDialog>
    </>
  );
}

/** Sets a model's four prices (and its other names'); empty is unknown. */
export function PriceDialog({ row, onClose }: { row: PriceRow; onClose: () => void }) {
  const toast = useToast();
  const put = usePutPrice();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<PriceFormValues, unknown, PriceFormOutput>({
    resolver: zodResolver(priceForm),
    defaultValues: priceFormDefaults(row.price ?? undefined),
  });
  const submit = handleSubmit(async (v) => {
    try {
      for (const body of priceBodies([row.model, ...row.aliases], v)) await put.mutateAsync(body);
      toast({ tone: "success", title: `Prices of ${row.model} saved` });
      onClose();
    } catch (error) {
      showServerError(error, PRICE_FIELDS, setError);
    }
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Prices of ${row.model}`}
      description={
        row.aliases.length > 0
          ? `They apply to its other names too: ${row.aliases.join(", ")}.`
          : undefined
      }
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" form="price-form" variant="primary" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : "Save prices"}
          </Button>
        </>
      }
    >
      <form id="price-form" onSubmit={submit} noValidate className="flex flex-col gap-3">
        <p className="text-xs text-muted">
          In US dollars, such as 0.15. Leave a price empty when it is not known: those calls then
          show tokens only.
        </p>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {(Object.keys(PRICE_LABELS) as (keyof PriceFormValues)[]).map((key) => (
            <Field key={key} label={`${PRICE_LABELS[key]} (USD)`} error={errors[key]?.message}>
              {(ids) => (
                <input
                  {...ids}
                  {...register(key)}
                  inputMode="decimal"
                  placeholder="no price"
                  autoComplete="off"
                  className={inputClass}
                />
              )}
            </Field>
          ))}
        </div>
        {errors.root?.server && (
          <p role="alert" className="text-sm text-danger">
            {errors.root.server.message}
          </p>
        )}
      </form>
    </Dialog>
  );
}
