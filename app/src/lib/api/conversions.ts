import type { InferRequestType, InferResponseType } from "hono/client";
import { api, call } from "./client";

export type ConversionGoalInput = InferRequestType<(typeof api)["conversion-goal"]["$put"]>["json"];
export type ConversionGoal = NonNullable<InferResponseType<(typeof api)["conversion-goal"]["$get"], 200>["goal"]>;
export type CampaignConversions = InferResponseType<(typeof api.campaigns)[":id"]["conversions"]["$get"], 200>;
export type ConversionSummary = InferResponseType<typeof api.conversions.$get, 200>;

/** The workspace's conversion goal, or null (GET /api/v1/conversion-goal). */
export const getConversionGoal = async () => (await call(api["conversion-goal"].$get())).goal;

export const saveConversionGoal = async (goal: ConversionGoalInput) =>
	(await call(api["conversion-goal"].$put({ json: goal }))).goal;

export const removeConversionGoal = () => call(api["conversion-goal"].$delete());

/** What a campaign's emails earned by the goal (GET /api/v1/campaigns/:id/conversions). */
export const getCampaignConversions = (id: string) =>
	call(api.campaigns[":id"].conversions.$get({ param: { id }, query: {} }));

/** What email earned over the last `days` days (GET /api/v1/conversions). */
export const getConversionSummary = (days = 30) => call(api.conversions.$get({ query: { days: String(days) } }));
