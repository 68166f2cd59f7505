import { z } from "@hono/zod-openapi";
import { ContactSchema } from "./contacts";
import { SegmentDefinitionSchema } from "./segments";

// The definition is validated by the domain validator (precise paths into the rule tree);
// the schema here documents its shape.
const Definition = z.unknown().openapi({ $ref: "#/components/schemas/SegmentDefinition" } as never);

export const SegmentSchema = z
	.object({
		id: z.string(),
		name: z.string(),
		definition: SegmentDefinitionSchema,
		count: z.number().int().openapi({ description: "The stored count, taken at `count_updated_at`" }),
		count_updated_at: z
			.string()
			.nullable()
			.openapi({ description: "When `count` was taken (ISO-8601); null until first counted" }),
		created_at: z.string(),
		updated_at: z.string(),
	})
	.openapi("Segment");

export const CreateSegmentBodySchema = z
	.object({ name: z.string().trim().min(1, "Name the segment").max(200), definition: Definition })
	.strict()
	.openapi("CreateSegmentBody");

export const UpdateSegmentBodySchema = z
	.object({ name: z.string().trim().min(1).max(200).optional(), definition: Definition.optional() })
	.strict()
	.openapi("UpdateSegmentBody");

export const PreviewSegmentBodySchema = z.object({ definition: Definition }).strict().openapi("PreviewSegmentBody");

export const SegmentPreviewSchema = z
	.object({
		count: z.number().int(),
		sample: z.array(ContactSchema),
		rule_counts: z
			.array(z.object({ path: z.string().openapi({ example: "all.1" }), count: z.number().int() }))
			.optional()
			.openapi({
				description:
					"Only when nobody matches an `all` of 2 to 8 rules: how many each of those rules matches alone, so the rule that matches nobody can be named",
			}),
	})
	.openapi("SegmentPreview");
