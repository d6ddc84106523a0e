"use client";

import { Tooltip as TooltipPrimitive } from "radix-ui";
import { cn } from "@/lib/ui/cn";

/** One provider (in app/providers.tsx) so moving between tooltips shows the next at once. */
export const TooltipProvider = TooltipPrimitive.Provider;

/**
 * A short hint shown on hover and on keyboard focus, announced as the trigger's description
 * (aria-describedby). Only for extra information: a control's name belongs in its label.
 */
export function Tooltip({
  content,
  children,
  side = "top",
  className,
}: {
  content: React.ReactNode;
  /** One focusable element (a button or a link). */
  children: React.ReactElement;
  side?: "top" | "right" | "bottom" | "left";
  className?: string;
}) {
  return (
    <TooltipPrimitive.Root>
      <TooltipPrimitive.Trigger asChild>{children}</TooltipPrimitive.Trigger>
      <TooltipPrimitive.Portal>
        <TooltipPrimitive.Content
          side={side}
          sideOffset={4}
          className={cn(
            "z-50 max-w-xs rounded-md bg-text px-2 py-1 text-xs text-bg shadow-md",
            className,
          )}
        >
          {content}
        </TooltipPrimitive.Content>
      </TooltipPrimitive.Portal>
    </TooltipPrimitive.Root>
  );
}
