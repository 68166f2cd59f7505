import { z } from "@hono/zod-openapi";
import { PageQuerySchema } from "./common";

/** A time, or a date alone (its start, UTC). */
const Time = z.union([z.iso.datetime({ offset: true }), z.iso.date()]).openapi({ example: "2026-01-31T12:00:00Z" });

export const AuditQuerySchema = PageQuerySchema.extend({
	actor_id: z.string().max(64).optional(),
	action: z
		.string()
		.max(100)
		.optional()
		.openapi({ description: "An action (`campaign.pause`), or all under a prefix ending in a dot (`campaign.`)" }),
	target_type: z.string().max(40).optional(),
	target_id: z.string().max(64).optional(),
	since: Time.optional().openapi({ description: "Entries at or after this time" }),
	until: Time.optional().openapi({ description: "Entries before this time" }),
	format: z
		.enum(["json", "csv"])
		.optional()
		.openapi({ description: "`csv` (or `Accept: text/csv`): every matching entry (up to 50,000) as a CSV file" }),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AUDIT_RETENTION_DAYS = { min: 7, max: 3650 } as const;

export const AuditRetentionSchema = z
	.number()
	.int()
	.min(AUDIT_RETENTION_DAYS.min)
	.max(AUDIT_RETENTION_DAYS.max)
	.nullable()
	.openapi({ description: "Audit entries older than this many days are deleted by the daily upkeep; null keeps them" });
