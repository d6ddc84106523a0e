"use client";

import { useMemo } from "react";
import type { ConsoleModel } from "@/lib/api/hooks/use-models";
import { useModelsFor } from "@/lib/api/hooks/use-models-for";
import { type Deprecation, deprecationOf } from "@/lib/mistral/capabilities";
import { groupAliases } from "@/lib/models/group";

/** One base model the wizard offers: one card per model, whatever its number of names. */
export interface TunableModel {
  /** The name the job is created with: the `-latest` alias when there is one (it follows releases). */
  id: string;
  /** Every name of the model /v1/models offers for fine-tuning (`id` included). */
  names: string[];
  card: ConsoleModel;
  /** When it retires and what replaces it, for a model deprecated later on. */
  deprecation: Deprecation | null;
}

/**
 * The base models GET /v1/models says can be fine-tuned now (the `fine_tuning` capability, not
 * archived, not past their deprecation date), one per model. `offered` holds every offered id,
 * aliases included, or is undefined until the list is known (loading, or it failed: see `query`).
 */
export function useTunableModels() {
  const { query, models } = useModelsFor("fine_tuning");
  return useMemo(() => {
    const ids = models.map((m) => m.id);
    const tunable = groupAliases(models).map((card): TunableModel => {
      const names = [card.id, ...(card.aliases ?? [])].filter((n) => ids.includes(n));
      return {
        id: names.find((n) => n.endsWith("-latest")) ?? card.id,
        names,
        card,
        deprecation: deprecationOf(card),
      };
    });
    return { query, tunable, offered: query.isSuccess ? ids : undefined };
  }, [query, models]);
}
