/**
 * Checks of a campaign's A/B settings that need no database (issue #16): 2 to 8 variants with distinct ids and
 * names, each changing something, a duration from PT30S, and a goal for the conversion metric. Each problem names
 * its field (`variants.1.name`, `ab_test.duration`) as the API reports it.
 */
import type { AbTestInput, VariantInput } from "../../contracts/ab";
import { durationProblem, parseDuration } from "../journeys/duration";
import { MAX_VARIANTS, MIN_VARIANTS } from "./assign";

export const MIN_TEST_DURATION_MS = 30_000;
export const DEFAULT_GOAL_WINDOW = "P7D";

export type Issue = { path: string; message: string };

export function abSetupIssues(variants: readonly VariantInput[] | undefined, test: AbTestInput | undefined): Issue[] {
	if (!variants && !test) return [];
	if (!variants)
		return [{ path: "variants", message: `Add ${MIN_VARIANTS} to ${MAX_VARIANTS} variants to the A/B test` }];
	if (!test) return [{ path: "ab_test", message: "Say how the variants are tested (test_percent, metric, duration)" }];
	const issues: Issue[] = [];
	if (variants.length < MIN_VARIANTS || variants.length > MAX_VARIANTS)
		issues.push({ path: "variants", message: `An A/B test has ${MIN_VARIANTS} to ${MAX_VARIANTS} variants` });
	const names = new Set<string>();
	const ids = new Set<string>();
	variants.forEach((v, i) => {
		if (names.has(v.name.toLowerCase()))
			issues.push({ path: `variants.${i}.name`, message: "Another variant has this name" });
		names.add(v.name.toLowerCase());
		if (v.id !== undefined) {
			if (ids.has(v.id)) issues.push({ path: `variants.${i}.id`, message: "Another variant has this id" });
			ids.add(v.id);
		}
	});
	const duration = durationProblem(test.duration);
	if (duration) issues.push({ path: "ab_test.duration", message: duration });
	else if ((parseDuration(test.duration) ?? 0) < MIN_TEST_DURATION_MS)
		issues.push({ path: "ab_test.duration", message: "A test runs at least 30 seconds (PT30S)" });
	if (test.metric === "conversion" && !test.goal_event)
		issues.push({
			path: "ab_test.goal_event",
			message: "Name the goal event (e.g. purchase) for the conversion metric",
		});
	const window = test.goal_window ? durationProblem(test.goal_window) : null;
	if (window) issues.push({ path: "ab_test.goal_window", message: window });
	return issues;
}
