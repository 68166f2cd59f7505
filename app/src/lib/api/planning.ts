import type { InferRequestType, InferResponseType } from "hono/client";
import { api, call } from "./client";

type TaskInput = InferRequestType<(typeof api.campaigns)[":id"]["tasks"]["$post"]>["json"];
type TaskPatch = InferRequestType<(typeof api.tasks)[":id"]["$patch"]>["json"];
export type Milestones = InferResponseType<(typeof api.campaigns)[":id"]["milestones"]["$get"], 200>;
export type Milestone = Milestones["milestones"][number];
export type CampaignTask = Milestone["tasks"][number];
export type Readiness = InferResponseType<(typeof api.campaigns)[":id"]["readiness"]["$get"], 200>;
export type CalendarItem = InferResponseType<typeof api.calendar.$get, 200>["data"][number];

export const getMilestones = (id: string) => call(api.campaigns[":id"].milestones.$get({ param: { id } }));
export const addTask = (campaignId: string, json: TaskInput) =>
	call(api.campaigns[":id"].tasks.$post({ param: { id: campaignId }, json }));
export const updateTask = (id: string, json: TaskPatch) => call(api.tasks[":id"].$patch({ param: { id }, json }));
export const deleteTask = (id: string) => call(api.tasks[":id"].$delete({ param: { id } }));
export const getReadiness = (id: string) => call(api.campaigns[":id"].readiness.$get({ param: { id } }));
export const getCalendar = (from: string, to: string) => call(api.calendar.$get({ query: { from, to } }));
