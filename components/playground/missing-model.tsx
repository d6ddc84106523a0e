"use client";

import { Button } from "@/components/ui/button";
import { nearestModel } from "@/lib/playground/nearest-model";

/**
 * Said as soon as the chosen model is missing from /v1/models (deleted, archived, or a saved
 * conversation's model that this console never had), not when Send fails; with the nearest
 * available model one click away.
 */
export function MissingModel({
  model,
  available,
  onSwitch,
}: {
  model: string;
  available: { id: string; aliases?: string[] | null }[];
  onSwitch: (id: string) => void;
}) {
  const instead = nearestModel(model, available);
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-sm"
    >
      <p className="min-w-0 flex-1 basis-64">
        The model <code className="font-mono">{model}</code> is not available: the Mistral API no
        longer lists it (it may have been deleted or archived), so sending would fail.{" "}
        {instead ? "Choose another model, or switch to the closest one." : "No model is available."}
      </p>
      {instead && (
        <Button size="sm" variant="primary" onClick={() => onSwitch(instead.id)}>
          Use {instead.id}
        </Button>
      )}
    </div>
  );
}
