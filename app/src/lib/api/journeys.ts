import type { ClientResponse, InferRequestType, InferResponseType } from "hono/client";
import { ApiError, api, call } from "./client";

type JourneyBody = InferRequestType<typeof api.journeys.$post>["json"];
type JourneyPatch = InferRequestType<(typeof api.journeys)[":id"]["$patch"]>["json"];
export type Journey = InferResponseType<(typeof api.journeys)[":id"]["$get"], 200>;
export type JourneyStatus = Journey["status"];
export type JourneyCommand = "activate" | "pause" | "resume" | "archive";

/** API.md, Journeys: `GET /journeys/:id/stats` (numbers per step, exits by reason, goal conversion). */
export type JourneyNodeStats = { waiting: number; passed: number; sent?: number; opens?: number; clicks?: number };
export type JourneyStats = {
	entered: number;
	active: number;
	completed: number;
	exited: Record<string, number>;
	conversion_rate: number | null;
	nodes: Record<string, JourneyNodeStats>;
	arms?: Record<string, unknown>;
};
/** API.md, Journeys: one contact's pass through a journey. */
export type Enrollment = {
	id: string;
	contact_id: string;
	email: string;
	status: "active" | "completed" | "exited";
	node_id: string | null;
	version: number;
	entered_at: string;
	exited_at?: string | null;
	exit_reason?: string | null;
	history: { node_id: string; at: string; outcome: string }[];
};

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

// The engine's read routes (stats, enrollments) go through the same error handling as every typed call.
const getJson = <T>(path: string) =>
	call(fetch(`/api/v1${path}`, { credentials: "same-origin" }) as unknown as Promise<ClientResponse<T, 200, "json">>);

export const getJourneyStats = (id: string) => getJson<JourneyStats>(`/journeys/${encodeURIComponent(id)}/stats`);

/** A contact's passes through one journey (newest first). */
export async function listEnrollments(id: string, query: { contact_id?: string; status?: string }) {
	const search = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])));
	const body = await getJson<Enrollment[] | { data: Enrollment[] }>(
		`/journeys/${encodeURIComponent(id)}/enrollments?${search}`,
	);
	return Array.isArray(body) ? body : body.data;
}

/** One of a contact's passes through a journey, with the journey it belongs to. */
export type ContactJourney = Enrollment & { journey_id: string; journey_name?: string };

const rowsOf = <T>(body: T[] | { data: T[] }) => (Array.isArray(body) ? body : body.data);

/**
 * A contact's journeys, newest first: from the contact's own listing, or where that is not served, from the
 * enrollments of the workspace's running journeys (at most 20 of them, asked at once).
 */
export async function listContactJourneys(contactId: string): Promise<ContactJourney[]> {
	try {
		return rowsOf(
			await getJson<ContactJourney[] | { data: ContactJourney[] }>(
				`/contacts/${encodeURIComponent(contactId)}/journeys`,
			),
		);
	} catch (e) {
		if (!(e instanceof ApiError && e.status === 404)) throw e;
	}
	const journeys = (await listJourneys({ limit: 20 })).data.filter((j) => j.status !== "draft");
	const lists = await Promise.all(
		journeys.map((j) =>
			listEnrollments(j.id, { contact_id: contactId })
				.then((rows) => rows.map((r) => ({ ...r, journey_id: j.id, journey_name: j.name })))
				.catch(() => []),
		),
	);
	return lists.flat().sort((a, b) => b.entered_at.localeCompare(a.entered_at));
}
