// /api/console/job-owners: who created fine-tuning jobs through this console (jobs.read).
import { z } from "zod";

export const jobOwnersPath = "/api/console/job-owners";

export const JOB_OWNERS_MAX_IDS = 200;

/** `?ids=a,b,c`: at most 200 job ids are looked up (the rest are ignored). */
export const jobOwnersQuery = z.object({
  ids: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean)
        .slice(0, JOB_OWNERS_MAX_IDS),
    ),
});

export const jobOwner = z.object({ userId: z.string(), email: z.string() });
export type JobOwner = z.infer<typeof jobOwner>;

/** A job missing from `owners` was created elsewhere (only jobs.manage_any may manage it). */
export const jobOwnersResponse = z.object({ owners: z.record(z.string(), jobOwner) });
export type JobOwners = z.infer<typeof jobOwnersResponse>["owners"];
