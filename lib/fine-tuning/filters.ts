// The jobs list's filters live in the URL (so a view can be shared); this maps both ways.
import type { JobFilters } from "@/lib/api/hooks/use-jobs";
import type { JobStatus } from "@/lib/mistral/types";

export const JOB_STATUSES: JobStatus[] = [
  "QUEUED",
  "STARTED",
  "VALIDATING",
  "VALIDATED",
  "RUNNING",
  "FAILED_VALIDATION",
  "FAILED",
  "SUCCESS",
  "CANCELLED",
  "CANCELLATION_REQUESTED",
];

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

/** What the list shows, as the URL says it. Text filters are the API's exact-match filters. */
export interface ListView {
  status: JobStatus | "";
  model: string;
  suffix: string;
  createdAfter: string; // ISO date-time, or ""
  createdByMe: boolean;
  wandbProject: string;
  wandbName: string;
  page: number;
  pageSize: number;
}

export const emptyView = (): ListView => ({
  status: "",
  model: "",
  suffix: "",
  createdAfter: "",
  createdByMe: false,
  wandbProject: "",
  wandbName: "",
  page: 0,
  pageSize: DEFAULT_PAGE_SIZE,
});

const TEXT_PARAMS = [
  ["model", "model"],
  ["suffix", "suffix"],
  ["wandbProject", "wandb_project"],
  ["wandbName", "wandb_name"],
] as const;

/** The query parameters the list owns. */
export const VIEW_PARAMS = [
  "status",
  ...TEXT_PARAMS.map(([, name]) => name),
  "created_after",
  "created_by_me",
  "page",
  "page_size",
] as const;

export function viewFromParams(params: URLSearchParams): ListView {
  const v = emptyView();
  const status = params.get("status") ?? "";
  if ((JOB_STATUSES as string[]).includes(status)) v.status = status as JobStatus;
  for (const [field, name] of TEXT_PARAMS) v[field] = params.get(name) ?? "";
  const after = params.get("created_after") ?? "";
  if (after && !Number.isNaN(Date.parse(after))) v.createdAfter = new Date(after).toISOString();
  v.createdByMe = ["1", "true"].includes(params.get("created_by_me") ?? "");
  const page = Number(params.get("page"));
  if (Number.isInteger(page) && page > 0) v.page = page;
  const size = Number(params.get("page_size"));
  if ((PAGE_SIZES as readonly number[]).includes(size)) v.pageSize = size;
  return v;
}

/** The URL query for a view; defaults are left out so plain links stay plain. */
export function viewToParams(v: ListView): URLSearchParams {
  const p = new URLSearchParams();
  if (v.status) p.set("status", v.status);
  for (const [field, name] of TEXT_PARAMS) if (v[field].trim()) p.set(name, v[field].trim());
  if (v.createdAfter) p.set("created_after", v.createdAfter);
  if (v.createdByMe) p.set("created_by_me", "true");
  if (v.page > 0) p.set("page", String(v.page));
  if (v.pageSize !== DEFAULT_PAGE_SIZE) p.set("page_size", String(v.pageSize));
  return p;
}

/** The API query for a view. */
export function viewToFilters(v: ListView): JobFilters {
  const f: JobFilters = { page: v.page, page_size: v.pageSize };
  if (v.status) f.status = v.status;
  if (v.model.trim()) f.model = v.model.trim();
  if (v.suffix.trim()) f.suffix = v.suffix.trim();
  if (v.createdAfter) f.created_after = v.createdAfter;
  if (v.createdByMe) f.created_by_me = true;
  if (v.wandbProject.trim()) f.wandb_project = v.wandbProject.trim();
  if (v.wandbName.trim()) f.wandb_name = v.wandbName.trim();
  return f;
}

export const hasFilters = (v: ListView) =>
  !!(
    v.status ||
    v.model ||
    v.suffix ||
    v.createdAfter ||
    v.createdByMe ||
    v.wandbProject ||
    v.wandbName
  );
