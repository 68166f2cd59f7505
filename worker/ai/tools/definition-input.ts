import { z } from "zod";
import { BUILTIN_FIELDS, COMPARISON_OPS, ENGAGEMENTS, MAX_RULES } from "../../contracts/segments";

/**
 * A segment rule tree as the model writes it. It is validated by the same domain validator as the
 * API (so the model gets the exact path at fault), not by this schema: a recursive JSON schema
 * trips up many providers.
 */
export const DefinitionInput = z
	.record(z.string(), z.unknown())
	.describe(
		[
			'A rule tree whose root is a group: {"all": [rule, ...]}, {"any": [rule, ...]} or {"not": rule}; groups nest.',
			`Attribute rule: {"attribute": name, "op": one of ${COMPARISON_OPS.join("|")}, "value": ...} where name is a contact attribute (as listed by describe_workspace) or a built-in (${BUILTIN_FIELDS.join(", ")}); "in" takes an array, "exists"/"not_exists" take no value. Text comparisons are exact and case-sensitive.`,
			'Tag rule: {"tag": "vip"}.',
			'List rule: {"list": "lst_..."} (the contacts on one of the workspace\'s static lists).',
			'Event rule: {"event": "purchase", "count": {"op": "gte", "value": 1}, "within_days": 30, "where": [{"property": "amount", "op": "gt", "value": 50}]} (within_days and where are optional).',
			`Engagement rule: {"engagement": one of ${ENGAGEMENTS.join("|")}, "campaign_id": "cmp_...", "within_days": 30} (both optional; machine opens and bot clicks never count).`,
			`At most ${MAX_RULES} rules in all.`,
		].join("\n"),
	);
