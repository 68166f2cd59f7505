import type { JourneyStatus } from "../../contracts/journeys";

export type JourneyCommand = "activate" | "pause" | "resume" | "archive";
export type JourneyTransition = { ok: true; status: JourneyStatus } | { ok: false; reason: string };

const NEXT: Record<JourneyCommand, Partial<Record<JourneyStatus, JourneyStatus>>> = {
	activate: { draft: "active" },
	pause: { active: "paused" },
	resume: { paused: "active" },
	archive: { draft: "archived", active: "archived", paused: "archived" },
};

/** draft → active ⇄ paused, any of them → archived (final). */
export function journeyTransition(status: JourneyStatus, command: JourneyCommand): JourneyTransition {
	const next = NEXT[command][status];
	return next ? { ok: true, status: next } : { ok: false, reason: `A journey that is ${status} cannot ${command}` };
}

/** Drafts change freely; a running or paused journey's new definition is a new version; archived is final. */
export const editable = (status: JourneyStatus) => status !== "archived";
/** Only a journey that has never run (draft) or is over (archived) may be deleted. */
export const deletable = (status: JourneyStatus) => status === "draft" || status === "archived";
