import type { JourneyDefinition } from "../../contracts/journeys";
import type { StarterKey } from "./starters";

/*
 * What the assistant's `draft_journey` tool makes of a person's words: the starter they describe ("an abandoned
 * cart reminder", "a three-step welcome series"), or a straight line of the emails and waits they listed.
 */

const WORDS: [RegExp, StarterKey][] = [
	[/\bcart|checkout|basket/i, "abandoned_cart"],
	[/birthday|anniversary/i, "birthday"],
	[/re-?engag|win[ -]?back|inactive|lapsed|dormant|haven'?t opened/i, "reengagement"],
	[/onboard|day 1|drip/i, "onboarding"],
];

/** The starter that fits the request; a welcome series when nothing more specific is named. */
export function starterForWords(words: string): StarterKey {
	return WORDS.find(([pattern]) => pattern.test(words))?.[1] ?? "welcome";
}

export type DraftStep = { type: "email"; template_id: string } | { type: "wait"; duration: string };

/** A journey entered on `event` that runs the steps in order, then ends. */
export function linearJourney(event: string, steps: DraftStep[]): JourneyDefinition {
	const ids = steps.map((step, i) => `${step.type === "email" ? "email" : "wait"}_${i + 1}`);
	const nodes: JourneyDefinition["nodes"] = { end: { type: "exit" } };
	steps.forEach((step, i) => {
		const next = ids[i + 1] ?? "end";
		nodes[ids[i] as string] =
			step.type === "email"
				? { type: "send_email", template_id: step.template_id, next }
				: { type: "delay", duration: step.duration, next };
	});
	return { entry: { type: "event", event }, reentry: { mode: "once" }, start: ids[0] ?? "end", nodes };
}
