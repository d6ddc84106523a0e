/** How a job is named wherever it is shown: its suffix, else the start of its id. */
export const jobDisplayName = (job: { suffix?: string | null; id: string }): string =>
  job.suffix || job.id.slice(0, 8);
