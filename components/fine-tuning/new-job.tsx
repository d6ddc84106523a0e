"use client";

import dynamic from "next/dynamic";
import { LoadingState } from "@/components/ui/states";

// The wizard starts from the draft saved in this browser, so it renders in the browser only.
export const NewJob = dynamic(() => import("./job-wizard").then((m) => m.JobWizardLoader), {
  ssr: false,
  loading: () => <LoadingState />,
});
