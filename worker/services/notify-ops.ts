import { sendSource } from "../db/campaign-outcome";
import { createDb } from "../db/client";
import { findJourney } from "../db/journeys";
import { notifyOnce } from "./notify-once";

/*
 * Troubles of the send pipeline and the journeys, told to the people who can act on them: each kind at most
 * once an hour per workspace (per journey for a journey's errors), however many chunks or steps fail meanwhile.
 * None of these throws: the caller's work (a queue batch, a journey's step) stands.
 */

const short = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** How to name what a chunk was sent for, and where to look: the campaign, or the journey of a journey's email. */
async function sourceOf(env: Env, workspaceId: string, campaignId: string) {
	const row = await sendSource(createDb(env.DB), workspaceId, campaignId).catch(() => undefined);
	if (row?.kind === "journey" && row.journeyId)
		return { label: `the journey "${row.journeyName ?? "?"}"`, link: `/journeys/${row.journeyId}` };
	return { label: row ? `"${row.name}"` : "a campaign", link: `/campaigns/${campaignId}` };
}

/** A chunk exhausted its retries (the dead-letter queue): the admins hear that dead letters are growing. */
export async function notifyDeadLetters(
	env: Env,
	workspaceId: string,
	campaignId: string,
	failed: number,
	reason: string,
	now = Date.now(),
) {
	return notifyOnce(
		env,
		workspaceId,
		"dead_letters",
		{ atLeast: "admin" },
		async () => {
			const { label, link } = await sourceOf(env, workspaceId, campaignId);
			return {
				kind: "dead_letters",
				title: `Dead letters growing: ${label}`,
				body: short(
					`${failed} recipient${failed === 1 ? "" : "s"} of ${label} could not be sent after every retry (${reason}). See the health page for the pipeline's dead letters.`,
				),
				link,
			};
		},
		now,
	);
}

/** The provider refused a chunk for good (an invalid key, an unverified domain, a used-up quota, ...). */
export async function notifyProviderRefusal(
	env: Env,
	workspaceId: string,
	campaignId: string,
	refusal: { status: number | null; error: string },
	now = Date.now(),
) {
	const answer = refusal.status === null ? "no answer" : `${refusal.status}`;
	return notifyOnce(
		env,
		workspaceId,
		"provider_errors",
		{ atLeast: "admin" },
		async () => {
			const { label, link } = await sourceOf(env, workspaceId, campaignId);
			return {
				kind: "provider_errors",
				title: `The email provider refused a send of ${label}`,
				body: short(`The provider answered ${answer}: ${refusal.error}`),
				link,
			};
		},
		now,
	);
}

/** Steps of a journey failed for good (a webhook that kept failing, a contact update refused). */
export async function notifyJourneyError(
	env: Env,
	workspaceId: string,
	journeyId: string,
	errors: string[],
	now = Date.now(),
) {
	if (errors.length === 0) return [];
	return notifyOnce(
		env,
		workspaceId,
		`journey_error:${journeyId}`,
		{ atLeast: "editor" },
		async () => {
			const journey = await findJourney(createDb(env.DB), workspaceId, journeyId).catch(() => undefined);
			const name = journey?.name ?? "A journey";
			return {
				kind: "journey_error",
				title: `Journey error: ${name}`,
				body: short(
					`${errors.length} step${errors.length === 1 ? "" : "s"} of "${name}" failed after every retry: ${errors[0]}`,
				),
				link: `/journeys/${journeyId}`,
			};
		},
		now,
	);
}
