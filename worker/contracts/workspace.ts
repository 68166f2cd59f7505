import { z } from "@hono/zod-openapi";
import { AuditRetentionSchema } from "./audit";
import { EmailSchema } from "./auth";
import { KeyRoleSchema, RoleSchema } from "./common";
import { FrequencyCapSchema, QuietHoursSchema } from "./send-limits";
import { DisplayNameSchema } from "./sender";

export const UpdateWorkspaceBodySchema = z
	.object({
		name: z.string().trim().min(1).max(100).optional(),
		postal_address: z.string().trim().max(500).optional(),
		default_from_name: DisplayNameSchema.optional(),
		default_from_email: z
			.union([EmailSchema, z.literal("")])
			.optional()
			.openapi({
				description:
					"With a real email provider configured, its domain must be a verified sending domain of the workspace (422 otherwise); with the capture Outbox any domain is allowed",
			}),
		send_rate_per_second: z.number().int().min(1).max(10_000).optional(),
		timezone: z.string().trim().min(1).max(64).optional().openapi({
			description: "IANA time zone (such as Europe/Berlin) for contacts without one: quiet hours and local send times",
			example: "Europe/Berlin",
		}),
		frequency_cap: FrequencyCapSchema.nullable().optional().openapi({
			description:
				"At most `max` marketing emails (broadcasts and non-transactional journeys) per contact in any rolling `per` (ISO-8601 duration, PT1S to P1Y); null removes the cap",
		}),
		quiet_hours: QuietHoursSchema.nullable().optional().openapi({
			description:
				"Local hours (the contact's time zone, else the workspace's) when journey emails wait; they may span midnight; null removes them",
		}),
		audit_retention_days: AuditRetentionSchema.optional(),
	})
	.strict()
	.openapi("UpdateWorkspaceBody");

export const ApiKeySchema = z
	.object({
		id: z.string(),
		name: z.string(),
		role: KeyRoleSchema,
		prefix: z.string(),
		created_at: z.string(),
		last_used_at: z.string().nullable(),
		created_by: z
			.object({ id: z.string(), name: z.string(), email: z.string() })
			.nullable()
			.openapi({ description: "The person who created the key (null when unknown); the key never outranks them" }),
	})
	.openapi("ApiKey");

export const CreateApiKeyBodySchema = z
	.object({ name: z.string().trim().min(1, "Name the key").max(100), role: KeyRoleSchema })
	.openapi("CreateApiKeyBody");

export const CreatedApiKeySchema = ApiKeySchema.extend({
	key: z.string().openapi({ description: "The secret, shown only in this response" }),
}).openapi("CreatedApiKey");

export const MemberSchema = z
	.object({
		id: z.string(),
		email: z.string(),
		name: z.string().nullable(),
		role: RoleSchema,
		status: z.enum(["active", "invited"]),
		created_at: z.string(),
		user_id: z
			.string()
			.nullable()
			.optional()
			.openapi({ description: "The member's user (the audit log's `actor_id`); null for a pending invitation" }),
		invite_url: z.string().optional(),
		invite_email: z
			.object({ status: z.enum(["sent", "captured", "failed"]), error: z.string().optional() })
			.optional()
			.openapi({
				description:
					"Only when inviting: the invitation was emailed (`sent`), kept in the Outbox because no provider is connected (`captured`), or not sent (`failed`, with why; share `invite_url` instead)",
			}),
	})
	.openapi("Member");

export const InviteMemberBodySchema = z.object({ email: EmailSchema, role: RoleSchema }).openapi("InviteMemberBody");
export const UpdateMemberBodySchema = z.object({ role: RoleSchema }).openapi("UpdateMemberBody");

export const AuditEntrySchema = z
	.object({
		id: z.string(),
		action: z.string(),
		actor_type: z.string(),
		actor_id: z.string().nullable(),
		target_type: z.string().nullable(),
		target_id: z.string().nullable(),
		target_name: z
			.string()
			.nullable()
			.optional()
			.openapi({ description: "The object's name now (a contact's address), null once it is gone" }),
		ip: z.string().nullable(),
		metadata: z.record(z.string(), z.unknown()).nullable(),
		created_at: z.string(),
	})
	.openapi("AuditEntry");
