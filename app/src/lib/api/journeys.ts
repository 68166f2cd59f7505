import type { InferRequestType, InferResponseType } from "hono/client";
import { api, call } from "./client";

type JourneyBody = InferRequestType<typeof api.journeys.$post>["json"];
type JourneyPatch = InferRequestType<(typeof api.journeys)[":id"]["$patch"]>["json"];
export type Journey = InferResponseType<(typeof api.journeys)[":id"]["$get"], 200>;
export type JourneyStatus = Journey["status"];
export type JourneyCommand = "activate" | "pause" | "resume" | "archive";

/** `GET /journeys/:id/stats`: entered, active, completed, exits by reason, conversion, per step and per split arm. */
export type JourneyStats = InferResponseType<(typeof api.journeys)[":id"]["stats"]["$get"], 200>;
export type JourneyNodeStats = JourneyStats["nodes"][string];
/** One contact's pass through a journey, with the path taken. */
export type Enrollment = InferResponseType<(typeof api.journeys)[":id"]["enrollments"]["$get"], 200>["data"][number];

export const listJourneys = (query: { limit: number; cursor?: string }) =>
	call(api.journeys.$get({ query: { limit: String(query.limit), cursor: query.cursor } }));
export const getJourney = (id: string) => call(api.journeys[":id"].$get({ param: { id } }));
export const createJourney = (json: JourneyBody) => call(api.journeys.$post({ json }));
export const updateJourney = (id: string, json: JourneyPatch) =>
	call(api.journeys[":id"].$patch({ param: { id }, json }));
export const deleteJourney = (id: string) => call(api.journeys[":id"].$delete({ param: { id } }));

/** Activate answers `{status, version, entering_now?}`; the others `{status, version}`; an illegal move is a 409. */
export const journeyCommand = async (id: string, command: JourneyCommand) => {
	const param = { param: { id } };
	const routes = api.journeys[":id"];
	const pending =
		command === "activate"
			? routes.activate.$post(param)
			: command === "pause"
				? routes.pause.$post(param)
				: command === "resume"
					? routes.resume.$post(param)
					: routes.archive.$post(param);
	// Activate adds `entering_now` (how many contacts enter at once) to the lifecycle answer.
	return (await call(pending)) as { status: JourneyStatus; version: number; entering_now?: number };
};

export const getJourneyStats = (id: string) => call(api.journeys[":id"].stats.$get({ param: { id } }));

/** Who is or was in a journey, filtered by contact or status (first page). */
export const listEnrollments = async (id: string, query: { contact_id?: string; status?: Enrollment["status"] }) =>
	(await call(api.journeys[":id"].enrollments.$get({ param: { id }, query: { limit: "50", ...query } }))).data;

/** One of a contact's passes through a journey, with the journey it belongs to. */
export type ContactJourney = Enrollment & { journey_id: string; journey_name: string };

/** A contact's journeys (`GET /contacts/:id/journeys`), one row per pass, newest first. */
export async function listContactJourneys(contactId: string): Promise<ContactJourney[]> {
	const body = await call(api.contacts[":id"].journeys.$get({ param: { id: contactId } }));
	return body.data
		.flatMap((j) => j.enrollments.map((e) => ({ ...e, journey_id: j.journey_id, journey_name: j.journey_name })))
		.sort((a, b) => b.entered_at.localeCompare(a.entered_at));
}
