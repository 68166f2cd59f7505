import type { InferResponseType } from "hono/client";
import { api, call } from "./client";

export type OverviewData = InferResponseType<typeof api.overview.$get, 200>;
export type ChecklistItem = OverviewData["checklist"][number];

/** The workspace at a glance (GET /api/v1/overview). */
export const getOverview = () => call(api.overview.$get());
