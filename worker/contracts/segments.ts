import { z } from "@hono/zod-openapi";

export const COMPARISON_OPS = [
	"eq",
	"neq",
	"in",
	"contains",
	"starts_with",
	"gt",
	"gte",
	"lt",
	"lte",
	"exists",
	"not_exists",
] as const;
export const BUILTIN_FIELDS = [
	"email",
	"first_name",
	"last_name",
	"status",
	"created_at",
	"timezone",
	"locale",
] as const;
export const ENGAGEMENTS = ["opened", "clicked", "bounced", "unsubscribed", "received"] as const;
/**
 * Rules in one definition, counting every nested rule and event `where` rule (not the root group).
 * The compiler binds at most 3 parameters per rule, so 30 rules stay within D1's 100 bound parameters
 * (3 x 30 = 90, plus workspace id, cursor and limit).
 */
export const MAX_RULES = 30;
export const MAX_DEPTH = 8;
/** Values in one `in` list (each up to 1,000 characters; the whole definition is also capped in bytes). */
export const MAX_IN_VALUES = 500;
export const FIELD_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

const Scalar = z.union([z.string().max(1000), z.number(), z.boolean()]);
const FieldName = z
	.string()
	.regex(FIELD_NAME_PATTERN, "Use letters, digits, _ or - (up to 64), starting with a letter or _");

/** A comparison's value must fit its operator; `key` names the compared field ("attribute" or "property"). */
const comparison = <K extends string>(key: K) => {
	// A mapped type keeps the field's name in the inferred type (a computed key would widen to an index signature).
	const field = { [key]: FieldName } as { [P in K]: typeof FieldName };
	return z.discriminatedUnion("op", [
		z.object({ ...field, op: z.enum(["eq", "neq"]), value: Scalar }).strict(),
		z.object({ ...field, op: z.literal("in"), value: z.array(Scalar).min(1).max(MAX_IN_VALUES) }).strict(),
		z.object({ ...field, op: z.enum(["contains", "starts_with"]), value: z.string().min(1).max(1000) }).strict(),
		z
			.object({ ...field, op: z.enum(["gt", "gte", "lt", "lte"]), value: z.union([z.number(), z.string().max(64)]) })
			.strict(),
		z.object({ ...field, op: z.enum(["exists", "not_exists"]) }).strict(),
	]);
};

export const AttributeRuleSchema = comparison("attribute");
export const PropertyRuleSchema = comparison("property");

export const TagRuleSchema = z.object({ tag: z.string().min(1).max(100) }).strict();

/** The contacts on a static list of the workspace (`/lists`); a list of another workspace, or deleted, matches nobody. */
export const ListRuleSchema = z.object({ list: z.string().min(1).max(64) }).strict();

export const EventRuleSchema = z
	.object({
		event: z.string().min(1).max(100),
		count: z.object({ op: z.enum(["eq", "neq", "gt", "gte", "lt", "lte"]), value: z.number().int().min(0) }).strict(),
		within_days: z.number().int().min(1).max(3650).optional(),
		where: z.array(PropertyRuleSchema).max(20).optional(),
	})
	.strict();

export const EngagementRuleSchema = z
	.object({
		engagement: z.enum(ENGAGEMENTS),
		campaign_id: z.string().min(1).max(64).optional(),
		within_days: z.number().int().min(1).max(3650).optional(),
	})
	.strict();

export type AttributeRule = z.infer<typeof AttributeRuleSchema>;
export type PropertyRule = z.infer<typeof PropertyRuleSchema>;
export type TagRule = z.infer<typeof TagRuleSchema>;
export type ListRule = z.infer<typeof ListRuleSchema>;
export type EventRule = z.infer<typeof EventRuleSchema>;
export type EngagementRule = z.infer<typeof EngagementRuleSchema>;
export type SegmentRule =
	| { all: SegmentRule[] }
	| { any: SegmentRule[] }
	| { not: SegmentRule }
	| AttributeRule
	| TagRule
	| ListRule
	| EventRule
	| EngagementRule;

export const SegmentRuleSchema: z.ZodType<SegmentRule> = z
	.lazy(() =>
		z.union([
			z.object({ all: z.array(SegmentRuleSchema).max(MAX_RULES) }).strict(),
			z.object({ any: z.array(SegmentRuleSchema).max(MAX_RULES) }).strict(),
			z.object({ not: SegmentRuleSchema }).strict(),
			AttributeRuleSchema,
			TagRuleSchema,
			ListRuleSchema,
			EventRuleSchema,
			EngagementRuleSchema,
		]),
	)
	.openapi("SegmentRule");

/** The root of a segment is always a group, so "everyone" is `{ "all": [] }`. */
export const SegmentDefinitionSchema = z
	.union([
		z.object({ all: z.array(SegmentRuleSchema).max(MAX_RULES) }).strict(),
		z.object({ any: z.array(SegmentRuleSchema).max(MAX_RULES) }).strict(),
		z.object({ not: SegmentRuleSchema }).strict(),
	])
	.openapi("SegmentDefinition", {
		example: {
			all: [
				{ attribute: "country", op: "eq", value: "DE" },
				{ engagement: "opened", within_days: 30 },
			],
		},
	});
export type SegmentDefinition = z.infer<typeof SegmentDefinitionSchema>;
