import { describe, expect, it } from "vitest";
import { verdict } from "../view/ab-words";
import { abBodyOf, newAbDraft, newVariant } from "./ab-draft";

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

describe("the results panel's headline", () => {
	const arms = [
		{ variant_id: "a", name: "A" },
		{ variant_id: "b", name: "B" },
	];
	it("says whether the test is collecting, waiting for a person, or who won and how surely", () => {
		expect(verdict({ phase: "testing", arms })).toBe("Collecting results");
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
