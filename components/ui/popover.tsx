"use client";

import { Popover as PopoverPrimitive } from "radix-ui";
import { forwardRef, type ComponentPropsWithoutRef, type ElementRef } from "react";
import { cn } from "@/lib/ui/cn";

/**
 * A non-modal panel anchored to its trigger: the trigger says whether it is open
 * (aria-expanded), focus moves into the panel, Escape or a click outside closes it and focus
 * goes back to the trigger.
 */
export const Popover = PopoverPrimitive.Root;
export const PopoverTrigger = PopoverPrimitive.Trigger;
export const PopoverAnchor = PopoverPrimitive.Anchor;
export const PopoverClose = PopoverPrimitive.Close;

/** The panel surface every floating layer of the kit shares (popovers, menus). */
export const floatingPanelClass =
  "z-50 rounded-lg border border-border bg-surface text-sm text-text shadow-lg outline-none";

export const PopoverContent = forwardRef<
  ElementRef<typeof PopoverPrimitive.Content>,
  ComponentPropsWithoutRef<typeof PopoverPrimitive.Content>
>(function PopoverContent({ className, align = "start", sideOffset = 4, ...props }, ref) {
  return (
    <PopoverPrimitive.Portal>
      <PopoverPrimitive.Content
        ref={ref}
        align={align}
        sideOffset={sideOffset}
        className={cn(floatingPanelClass, "w-72 p-3", className)}
        {...props}
      />
    </PopoverPrimitive.Portal>
  );
});
