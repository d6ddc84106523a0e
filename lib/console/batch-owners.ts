// /api/console/batch-owners: who created batch jobs through this console (batch.read). Same
// shape as /api/console/job-owners, for the `batch_job` owners the gateway records.
import { z } from "zod";
import { jobOwner, jobOwnersQuery } from "./job-owners";

export const batchOwnersPath = "/api/console/batch-owners";

/** `?ids=a,b,c`: at most 200 batch job ids are looked up (the rest are ignored). */
export const batchOwnersQuery = jobOwnersQuery;

export type BatchOwner = z.infer<typeof jobOwner>;

/** A batch job missing from `owners` was created elsewhere (only batch.manage_any may cancel it). */
export const batchOwnersResponse = z.object({ owners: z.record(z.string(), jobOwner) });
export type BatchOwners = z.infer<typeof batchOwnersResponse>["owners"];
