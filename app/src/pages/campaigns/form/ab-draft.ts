import type { Campaign } from "../../../lib/types";

/** One variant as the form edits it ("" = not changed from the campaign's). */
export type VariantDraft = {
	id?: string;
	name: string;
	subject: string;
	preheader: string;
	template_id: string;
	from_name: string;
};
export type AbDraft = {
	variants: VariantDraft[];
	test_percent: string;
	metric: "clicks" | "opens" | "conversion";
	goal_event: string;
	duration: string;
	auto_send_winner: boolean;
};

export const MAX_VARIANTS = 8;
const LETTERS = "ABCDEFGH";
export const newVariant = (index: number): VariantDraft => ({
	name: LETTERS[index] ?? `Variant ${index + 1}`,
	subject: "",
	preheader: "",
	template_id: "",
	from_name: "",
});

/** A new test: two variants, 20% of the audience, clicks, four hours, the winner sent by itself. */
export const newAbDraft = (): AbDraft => ({
	variants: [newVariant(0), newVariant(1)],
	test_percent: "20",
	metric: "clicks",
	goal_event: "",
	duration: "PT4H",
	auto_send_winner: true,
});

/** The campaign's A/B test as the form edits it (null: a plain campaign). */
export function abDraftOf(campaign: Campaign | undefined): AbDraft | null {
	if (!campaign?.ab_test || !campaign.variants) return null;
	return {
		variants: campaign.variants.map((v) => ({
			id: v.id,
			name: v.name,
			subject: v.subject ?? "",
			preheader: v.preheader ?? "",
			template_id: v.template_id ?? "",
			from_name: v.from_name ?? "",
		})),
		test_percent: String(campaign.ab_test.test_percent),
		metric: campaign.ab_test.metric,
		goal_event: campaign.ab_test.goal_event ?? "",
		duration: campaign.ab_test.duration,
		auto_send_winner: campaign.ab_test.auto_send_winner,
	};
}

/** The API's `variants` and `ab_test` for the draft (both null: no test). */
export function abBodyOf(ab: AbDraft | null) {
	if (!ab) return { variants: null, ab_test: null };
	const orNull = (text: string) => text.trim() || null;
	return {
		variants: ab.variants.map((v) => ({
			...(v.id ? { id: v.id } : {}),
			name: v.name.trim(),
			subject: orNull(v.subject),
			preheader: orNull(v.preheader),
			template_id: orNull(v.template_id),
			from_name: orNull(v.from_name),
		})),
		ab_test: {
			test_percent: Number(ab.test_percent),
			metric: ab.metric,
			...(ab.metric === "conversion" && ab.goal_event.trim() ? { goal_event: ab.goal_event.trim() } : {}),
			duration: ab.duration.trim(),
			auto_send_winner: ab.auto_send_winner,
		},
	};
}

/**
 * The campaign form's link for testing subject lines (the assistant's drafts): the template and 2 to 8 subjects,
 * each of which becomes a variant.
 */
export function subjectTestLink(templateId: string, subjects: readonly string[]): string {
	const params = new URLSearchParams({
		template: templateId,
		subjects: JSON.stringify(subjects.slice(0, MAX_VARIANTS)),
	});
	return `/campaigns/new?${params}`;
}

/** A new test with one variant per subject line from the link (null unless there are 2 to 8 usable ones). */
export function abDraftFromSubjects(param: string | undefined): AbDraft | null {
	let parsed: unknown;
	try {
		parsed = param ? JSON.parse(param) : null;
	} catch {
		return null;
	}
	if (!Array.isArray(parsed)) return null;
	const subjects = parsed
		.filter((s): s is string => typeof s === "string" && s.trim() !== "")
		.map((s) => s.trim())
		.slice(0, MAX_VARIANTS);
	if (subjects.length < 2) return null;
	return { ...newAbDraft(), variants: subjects.map((subject, i) => ({ ...newVariant(i), subject })) };
}
