import { z } from "@hono/zod-openapi";

export const ApiIssueSchema = z.object({
	path: z.string().openapi({ example: "email" }),
	message: z.string(),
	line: z.number().int().optional().openapi({ description: "For template errors: the line in that field" }),
	column: z.number().int().optional(),
});
export type ApiIssue = z.infer<typeof ApiIssueSchema>;

export const ErrorBodySchema = z
	.object({
		error: z.object({
			code: z.string().openapi({ example: "validation_failed" }),
			message: z.string(),
			issues: z
				.array(ApiIssueSchema)
				.openapi({ description: "Each field at fault (empty when the error is not about a field)" }),
			request_id: z.string(),
		}),
	})
	.openapi("Error");
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const RoleSchema = z.enum(["owner", "admin", "editor", "viewer"]).openapi("Role");
export type Role = z.infer<typeof RoleSchema>;

/** An API key's role: a member role, or `ingest` (it can only send contacts and events to /v1/identify, /v1/track, /v1/batch). */
export const KeyRoleSchema = z.enum(["owner", "admin", "editor", "viewer", "ingest"]).openapi("KeyRole");
export type KeyRole = z.infer<typeof KeyRoleSchema>;

export const IdParamSchema = z.object({
	id: z
		.string()
		.min(1)
		.max(64)
		.openapi({ param: { name: "id", in: "path" } }),
});

export const PageQuerySchema = z.object({
	limit: z.coerce.number().int().min(1).max(500).default(50).openapi({ example: 50 }),
	cursor: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export const page = <T extends z.ZodType>(item: T) =>
	z.object({ data: z.array(item), next_cursor: z.string().nullable() });

export const OkSchema = z.object({ ok: z.literal(true) });
