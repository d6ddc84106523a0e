"use client";

import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useToast } from "@/components/ui/toast";
import { jobDisplayName } from "@/lib/fine-tuning/job-name";
import { isFinished } from "@/lib/mistral/job-status";

type Permission = NotificationPermission | "unsupported";

const currentPermission = (): Permission =>
  typeof window !== "undefined" && "Notification" in window
    ? Notification.permission
    : "unsupported";

// The permission only changes through `request` below, which re-renders by itself.
const subscribeNothing = () => () => {};

/**
 * Tells the user when a job they are watching finishes: a toast, and a browser notification if
 * they allowed them. Only a change seen on this page counts; opening a finished job says nothing.
 */
export function useFinishNotice(
  job: { id: string; status: string; suffix?: string | null } | undefined,
) {
  const toast = useToast();
  const seenUnfinished = useRef(false);
  const initial = useSyncExternalStore(subscribeNothing, currentPermission, () => "unsupported");
  const [asked, setAsked] = useState<Permission | null>(null);
  const permission = asked ?? initial;

  useEffect(() => {
    if (!job) return;
    if (!isFinished(job.status)) {
      seenUnfinished.current = true;
      return;
    }
    if (!seenUnfinished.current) return;
    seenUnfinished.current = false;
    const name = jobDisplayName(job);
    const ok = job.status === "SUCCESS";
    const title = ok ? `Job ${name} succeeded` : `Job ${name} ended: ${job.status}`;
    const body = ok ? "The fine-tuned model is ready." : "Open the job to see its events.";
    toast({ tone: ok ? "success" : job.status === "CANCELLED" ? "info" : "error", title, body });
    if (currentPermission() === "granted") {
      try {
        new Notification(title, { body, tag: `job-${job.id}` });
      } catch {
        // Some browsers only allow notifications from a service worker; the toast is enough.
      }
    }
  }, [job, toast]);

  const request = async () => {
    if (!("Notification" in window)) return;
    setAsked(await Notification.requestPermission());
  };
  return { permission, request };
}
