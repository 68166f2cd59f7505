import type { AbTest, AbTestInput, Variant, VariantInput } from "../contracts/ab";
import { type AbTestRow, abSetupsOf, saveAbSetup, type VariantRow } from "../db/ab";
import type { Db } from "../db/client";
import { findTemplateRow } from "../db/templates";
import { abSetupIssues } from "../domain/ab/setup";
import { newId } from "../domain/ids";
import { displayNameProblem } from "../domain/sender";
import { ApiError } from "../errors";

/** The A/B fields of a campaign's body: both together, or null to make it a plain campaign again. */
export type AbFields = { variants?: VariantInput[] | null; ab_test?: AbTestInput | null };
export type AbSetup = { variants: Variant[]; ab_test: AbTest };

export const presentVariant = (v: VariantRow): Variant => ({
	id: v.id,
	name: v.name,
	template_id: v.templateId,
	subject: v.subject,
	preheader: v.preheader,
	from_name: v.fromName,
});

export const presentAbTest = (t: AbTestRow): AbTest => ({
	test_percent: t.testPercent,
	metric: t.metric,
	goal_event: t.goalEvent,
	goal_window: t.goalWindow,
	duration: t.duration,
	auto_send_winner: t.autoSendWinner,
});

/** `{variants, ab_test}` of each campaign that has an A/B test. */
export async function abOfCampaigns(db: Db, campaignIds: string[]): Promise<Map<string, AbSetup>> {
	const setups = await abSetupsOf(db, campaignIds);
	return new Map(
		[...setups].map(([id, s]) => [id, { variants: s.variants.map(presentVariant), ab_test: presentAbTest(s.test) }]),
	);
}

/**
 * The campaign's A/B setup after this create or edit: the body's fields over what is stored (`null` in either
 * removes the test), checked as a whole. Every problem is reported with its field (`variants.1.template_id`).
 */
async function resolve(db: Db, workspaceId: string, fields: AbFields, stored: AbSetup | undefined) {
	if (fields.variants === null || fields.ab_test === null) return null;
	const variants = fields.variants ?? stored?.variants.map(({ id, ...rest }) => ({ id, ...rest }));
	const test = fields.ab_test ?? stored?.ab_test;
	const testInput = test && {
		...test,
		goal_event: test.goal_event ?? undefined,
		goal_window: test.goal_window ?? undefined,
	};
	const variantInput = variants?.map((v) => ({
		...v,
		template_id: v.template_id ?? undefined,
		subject: v.subject ?? undefined,
		preheader: v.preheader ?? undefined,
		from_name: v.from_name ?? undefined,
	}));
	if (!variantInput && !testInput) return null;
	const issues = abSetupIssues(variantInput, testInput);
	for (const [i, v] of (variantInput ?? []).entries()) {
		if (v.template_id && !(await findTemplateRow(db, workspaceId, v.template_id)))
			issues.push({ path: `variants.${i}.template_id`, message: "Template not found" });
		const nameProblem = v.from_name ? displayNameProblem(v.from_name) : null;
		if (nameProblem) issues.push({ path: `variants.${i}.from_name`, message: nameProblem });
	}
	if (issues.length > 0) throw new ApiError("validation_failed", issues[0]?.message ?? "Invalid A/B test", issues);
	if (!variantInput || !testInput) return null;
	const keep = new Set(stored?.variants.map((v) => v.id));
	return {
		test: {
			testPercent: testInput.test_percent,
			metric: testInput.metric,
			goalEvent: testInput.goal_event ?? null,
			goalWindow: testInput.goal_window ?? null,
			duration: testInput.duration,
			autoSendWinner: testInput.auto_send_winner,
		},
		variants: variantInput.map((v) => ({
			id: v.id && keep.has(v.id) ? v.id : newId("var"),
			name: v.name,
			templateId: v.template_id ?? null,
			subject: v.subject || null,
			preheader: v.preheader || null,
			fromName: v.from_name || null,
		})),
	};
}

/** Checks the A/B fields of a create or edit before anything is written (throws 400 naming the field). */
export async function checkAbFields(db: Db, workspaceId: string, campaignId: string | null, fields: AbFields) {
	if (fields.variants === undefined && fields.ab_test === undefined) return undefined;
	const stored = campaignId ? (await abOfCampaigns(db, [campaignId])).get(campaignId) : undefined;
	return { setup: await resolve(db, workspaceId, fields, stored) };
}

/** Writes what `checkAbFields` resolved (nothing when the body had no A/B fields). */
export async function saveAbFields(db: Db, campaignId: string, checked: Awaited<ReturnType<typeof checkAbFields>>) {
	if (checked) await saveAbSetup(db, campaignId, checked.setup);
}
