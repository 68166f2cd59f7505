import type { JourneyDefinition as Definition } from "../../contracts/journeys";
import type { SegmentDefinition } from "../../contracts/segments";

/*
 * Ready-made journeys: pure data, filled with the template the person picked (the workspace's first one by
 * default). A starter that enters from a segment brings the segment's rules; the page creates it first.
 */

export type StarterKey = "blank" | "welcome" | "onboarding" | "abandoned_cart" | "reengagement" | "birthday";

export type Starter = { key: StarterKey; title: string; description: string; needsTemplate: boolean };

export type StarterDraft = {
	name: string;
	definition: Definition;
	/** A segment to create first; its id then replaces `SEGMENT_PLACEHOLDER` in the entry. */
	segment?: { name: string; definition: SegmentDefinition };
};

export const SEGMENT_PLACEHOLDER = "__segment__";

export const STARTERS: Starter[] = [
	{
		key: "welcome",
		title: "Welcome series",
		description: "Three emails over a week for each new signup.",
		needsTemplate: true,
	},
	{
		key: "onboarding",
		title: "Day 1 / 3 / 7 onboarding",
		description: "A drip on days 1, 3 and 7 after signup.",
		needsTemplate: true,
	},
	{
		key: "abandoned_cart",
		title: "Abandoned cart",
		description: "A reminder when the same cart is not bought within 4 hours.",
		needsTemplate: true,
	},
	{
		key: "reengagement",
		title: "Re-engagement",
		description: "Win back people who have not opened an email in 90 days; tag those who stay silent.",
		needsTemplate: true,
	},
	{
		key: "birthday",
		title: "Birthday",
		description: "An email on each contact's birthday at 09:00 their time.",
		needsTemplate: true,
	},
	{
		key: "blank",
		title: "Blank journey",
		description: "Start from an empty flow, entered through the API.",
		needsTemplate: false,
	},
];

const email = (template_id: string, next: string) => ({ type: "send_email" as const, template_id, next });
const delay = (duration: string, next: string) => ({ type: "delay" as const, duration, next });
const end = { type: "exit" as const };

/** The draft a starter makes, with `templateId` in every email step. */
export function buildStarter(key: StarterKey, templateId: string): StarterDraft {
	switch (key) {
		case "welcome":
			return {
				name: "Welcome series",
				definition: {
					entry: { type: "event", event: "signed_up" },
					reentry: { mode: "once" },
					start: "welcome",
					nodes: {
						welcome: email(templateId, "wait_2d"),
						wait_2d: delay("P2D", "tips"),
						tips: email(templateId, "wait_5d"),
						wait_5d: delay("P5D", "offer"),
						offer: email(templateId, "end"),
						end,
					},
				},
			};
		case "onboarding":
			return {
				name: "Day 1 / 3 / 7 onboarding",
				definition: {
					entry: { type: "event", event: "signed_up" },
					reentry: { mode: "once" },
					start: "day_1",
					nodes: {
						day_1: delay("P1D", "email_day_1"),
						email_day_1: email(templateId, "day_3"),
						day_3: delay("P2D", "email_day_3"),
						email_day_3: email(templateId, "day_7"),
						day_7: delay("P4D", "email_day_7"),
						email_day_7: email(templateId, "end"),
						end,
					},
				},
			};
		case "abandoned_cart":
			return {
				name: "Abandoned cart",
				definition: {
					entry: { type: "event", event: "cart_abandoned" },
					// No separate goal: the wait below is the purchase of this very cart (any other purchase does not count).
					reentry: { mode: "always" },
					start: "wait_purchase",
					nodes: {
						wait_purchase: {
							type: "wait_event",
							event: "purchase",
							match_entry_property: "cart_id",
							timeout: "PT4H",
							on_event: "end",
							on_timeout: "reminder",
						},
						reminder: email(templateId, "end"),
						end,
					},
				},
			};
		case "reengagement":
			return {
				name: "Re-engagement",
				segment: { name: "No opens in 90 days", definition: { not: { engagement: "opened", within_days: 90 } } },
				definition: {
					entry: { type: "segment", segment_id: SEGMENT_PLACEHOLDER, include_existing: true },
					reentry: { mode: "after_exit", cooldown: "P90D" },
					start: "miss_you",
					nodes: {
						miss_you: email(templateId, "wait_week"),
						wait_week: delay("P7D", "opened"),
						opened: {
							type: "branch",
							paths: [{ if: { engagement: "opened", node: "miss_you" }, next: "end" }],
							else: "tag",
						},
						tag: { type: "update_contact", add_tags: ["inactive"], next: "end" },
						end,
					},
				},
			};
		case "birthday":
			return {
				name: "Birthday",
				definition: {
					entry: { type: "date", attribute: "birthday", at_local: "09:00" },
					reentry: { mode: "after_exit" },
					start: "greeting",
					nodes: { greeting: email(templateId, "end"), end },
				},
			};
		case "blank":
			return {
				name: "Untitled journey",
				definition: { entry: { type: "api" }, reentry: { mode: "once" }, start: "end", nodes: { end } },
			};
	}
}

/** The draft with the segment it needs put in place (its entry and any exit that names the placeholder). */
export function withSegment(draft: StarterDraft, segmentId: string): Definition {
	const def = draft.definition;
	const entry =
		def.entry.type === "segment" && def.entry.segment_id === SEGMENT_PLACEHOLDER
			? { ...def.entry, segment_id: segmentId }
			: def.entry;
	return { ...def, entry };
}
