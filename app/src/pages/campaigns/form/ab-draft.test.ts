import { describe, expect, it } from "vitest";
import { verdict } from "../view/ab-words";
import { abBodyOf, abDraftFromSubjects, newAbDraft, newVariant, subjectTestLink } from "./ab-draft";
import { initialDraft } from "./draft";

describe("the A/B section's draft", () => {
	it("sends only what a variant changes, and null for a campaign without a test", () => {
		const draft = newAbDraft();
		draft.variants = [
			{ ...newVariant(0), subject: "  Spring sale " },
			{ ...newVariant(1), template_id: "tpl_b", from_name: "Bee" },
		];
		expect(abBodyOf(draft)).toEqual({
			variants: [
				{ name: "A", subject: "Spring sale", preheader: null, template_id: null, from_name: null },
				{ name: "B", subject: null, preheader: null, template_id: "tpl_b", from_name: "Bee" },
			],
			ab_test: { test_percent: 20, metric: "clicks", duration: "PT4H", auto_send_winner: true },
		});
		expect(abBodyOf(null)).toEqual({ variants: null, ab_test: null });
	});

	it("names the goal event only for the conversion metric", () => {
		const draft = { ...newAbDraft(), goal_event: "purchase" };
		expect(abBodyOf(draft).ab_test).not.toHaveProperty("goal_event");
		expect(abBodyOf({ ...draft, metric: "conversion" }).ab_test).toMatchObject({ goal_event: "purchase" });
	});
});

describe("the assistant's subject lines as a test", () => {
	const workspace = { default_from_name: "Acme", default_from_email: "hi@acme.example" } as Parameters<
		typeof initialDraft
	>[2];
	it("opens the campaign form with the template and one variant per subject line", () => {
		const link = subjectTestLink("tpl_1", ["Spring is here", "20% off, today only", "Last call"]);
		const search = Object.fromEntries(new URL(link, "https://pulse.example").searchParams);
		const draft = initialDraft(undefined, search, workspace);
		expect(draft.template_id).toBe("tpl_1");
		expect(abBodyOf(draft.ab).variants).toEqual([
			{ name: "A", subject: "Spring is here", preheader: null, template_id: null, from_name: null },
			{ name: "B", subject: "20% off, today only", preheader: null, template_id: null, from_name: null },
			{ name: "C", subject: "Last call", preheader: null, template_id: null, from_name: null },
		]);
	});

	it("starts no test from fewer than two usable subject lines or a mangled link", () => {
		expect(abDraftFromSubjects(JSON.stringify(["Only one", "  "]))).toBeNull();
		expect(abDraftFromSubjects("not json")).toBeNull();
		expect(abDraftFromSubjects(undefined)).toBeNull();
	});
});

describe("the results panel's headline", () => {
	const arms = [
		{ variant_id: "a", name: "A" },
		{ variant_id: "b", name: "B" },
	];
	it("says whether the test is collecting, waiting for a person, or who won and how surely", () => {
		expect(verdict({ phase: "testing", ends_at: null, arms })).toBe("Starts when the campaign is sent");
		expect(verdict({ phase: "testing", ends_at: "2026-12-03T10:00:00Z", arms })).toBe("Collecting results");
		expect(verdict({ phase: "deciding", arms, winner: { variant_id: "b", significant: false } })).toBe(
			"B leads: pick the winner",
		);
		expect(verdict({ phase: "done", arms, winner: { variant_id: "b", significant: true } })).toBe(
			"B wins (significant)",
		);
		expect(verdict({ phase: "sending_winner", arms, winner: { variant_id: "a", significant: false } })).toBe(
			"No clear winner: A was sent",
		);
	});

	it("says a cancelled test ended without sending a winner", () => {
		expect(verdict({ phase: "done", arms }, "cancelled")).toBe("Cancelled before a winner");
		expect(verdict({ phase: "done", arms, winner: { variant_id: "b", significant: false } }, "cancelled")).toBe(
			"Cancelled: B was ahead",
		);
	});
});
