import { abTestOf, variantsOf } from "../db/ab";
import { createDb } from "../db/client";
import { findTemplateRow } from "../db/templates";
import { TemplateError } from "../domain/templates/liquid";
import { checkTemplate } from "../domain/templates/render";
import { ApiError } from "../errors";
import { audienceCount } from "./campaigns";

/** The fewest recipients a test group may have: two for each variant (4 for two variants, 16 for eight). */
export const MIN_PER_VARIANT = 2;

/**
 * An A/B campaign must be able to send every variant, and its test group must be big enough to compare them:
 * a variant whose template was deleted or whose subject or preheader does not render is named (422), and so is a test
 * group under two recipients per variant (on send).
 */
export async function assertAbReady(d1: D1Database, workspaceId: string, campaignId: string, sendingNow: boolean) {
	const db = createDb(d1);
	const [test, variants] = await Promise.all([abTestOf(db, campaignId), variantsOf(db, campaignId)]);
	if (!test) return;
	for (const [i, v] of variants.entries()) {
		if (v.templateId && !(await findTemplateRow(db, workspaceId, v.templateId)))
			throw new ApiError("unprocessable", `Variant ${v.name}'s template was deleted; choose another`, [
				{ path: `variants.${i}.template_id`, message: "Missing" },
			]);
		const problem = renderProblem(v.subject, v.preheader);
		if (problem)
			throw new ApiError("unprocessable", `Variant ${v.name}'s ${problem.field} does not render: ${problem.message}`, [
				{ path: `variants.${i}.${problem.field}`, message: problem.message },
			]);
	}
	if (!sendingNow) return;
	const { count } = await audienceCount(d1, workspaceId, campaignId);
	const group = Math.floor((count * test.testPercent) / 100);
	const least = MIN_PER_VARIANT * variants.length;
	if (group < least)
		throw new ApiError(
			"unprocessable",
			`The test group would hold about ${group} recipients; an A/B test of ${variants.length} variants needs at least ${least}. Raise the test group's share or choose a larger audience`,
			[{ path: "ab_test.test_percent", message: `At least ${least} recipients are needed` }],
		);
}

/** The first Liquid error in a variant's own subject or preheader (its template was checked when saved). */
function renderProblem(subject: string | null, preheader: string | null) {
	try {
		checkTemplate({ subject: subject ?? "", preheader, html: "" });
		return null;
	} catch (error) {
		if (!(error instanceof TemplateError)) throw error;
		const issue = error.issues[0];
		return { field: issue?.path === "preheader" ? "preheader" : "subject", message: issue?.message ?? error.message };
	}
}
