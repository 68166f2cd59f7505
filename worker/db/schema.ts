import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { KeyRole, Role } from "../contracts/common";

const createdAt = () =>
	integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const workspaces = sqliteTable("workspaces", {
	id: text("id").primaryKey(),
	name: text("name").notNull(),
	postalAddress: text("postal_address").notNull().default(""),
	defaultFromName: text("default_from_name").notNull().default(""),
	defaultFromEmail: text("default_from_email").notNull().default(""),
	sendRatePerSecond: integer("send_rate_per_second").notNull().default(200),
	/** IANA zone for local times when a contact has none (quiet hours, local send times). */
	timezone: text("timezone").notNull().default("UTC"),
	/** At most `frequency_cap_max` marketing emails per contact per rolling `frequency_cap_per` (ISO-8601); null: no cap. */
	frequencyCapMax: integer("frequency_cap_max"),
	frequencyCapPer: text("frequency_cap_per"),
	/** Quiet hours (HH:MM, local to the contact) when journey sends wait; null: none. */
	quietHoursStart: text("quiet_hours_start"),
	quietHoursEnd: text("quiet_hours_end"),
	createdAt: createdAt(),
});

export const users = sqliteTable("users", {
	id: text("id").primaryKey(),
	email: text("email").notNull().unique(),
	name: text("name").notNull(),
	passwordHash: text("password_hash").notNull(),
	createdAt: createdAt(),
});

export const memberships = sqliteTable(
	"memberships",
	{
		id: text("id").primaryKey(),
		workspaceId: text("workspace_id")
			.notNull()
			.references(() => workspaces.id, { onDelete: "cascade" }),
		userId: text("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		role: text("role").$type<Role>().notNull(),
		createdAt: createdAt(),
	},
	(t) => [
		uniqueIndex("memberships_workspace_user").on(t.workspaceId, t.userId),
		index("memberships_user").on(t.userId),
	],
);

export const invitations = sqliteTable(
	"invitations",
	{
		id: text("id").primaryKey(),
		workspaceId: text("workspace_id")
			.notNull()
			.references(() => workspaces.id, { onDelete: "cascade" }),
		email: text("email").notNull(),
		role: text("role").$type<Role>().notNull(),
		tokenHash: text("token_hash").notNull().unique(),
		invitedBy: text("invited_by"),
		expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
		createdAt: createdAt(),
	},
	(t) => [uniqueIndex("invitations_workspace_email").on(t.workspaceId, t.email)],
);

export const sessions = sqliteTable(
	"sessions",
	{
		id: text("id").primaryKey(),
		tokenHash: text("token_hash").notNull().unique(),
		userId: text("user_id")
			.notNull()
			.references(() => users.id, { onDelete: "cascade" }),
		workspaceId: text("workspace_id")
			.notNull()
			.references(() => workspaces.id, { onDelete: "cascade" }),
		expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
		revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
		createdAt: createdAt(),
	},
	(t) => [index("sessions_user").on(t.userId)],
);

export const apiKeys = sqliteTable(
	"api_keys",
	{
		id: text("id").primaryKey(),
		workspaceId: text("workspace_id")
			.notNull()
			.references(() => workspaces.id, { onDelete: "cascade" }),
		name: text("name").notNull(),
		role: text("role").$type<KeyRole>().notNull(),
		prefix: text("prefix").notNull(),
		keyHash: text("key_hash").notNull().unique(),
		createdBy: text("created_by"),
		lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
		revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
		createdAt: createdAt(),
	},
	(t) => [index("api_keys_workspace").on(t.workspaceId)],
);

export const auditLog = sqliteTable(
	"audit_log",
	{
		id: text("id").primaryKey(),
		workspaceId: text("workspace_id"),
		actorType: text("actor_type").$type<"user" | "api_key" | "system" | "anonymous">().notNull(),
		actorId: text("actor_id"),
		action: text("action").notNull(),
		targetType: text("target_type"),
		targetId: text("target_id"),
		ip: text("ip"),
		metadata: text("metadata", { mode: "json" }).$type<Record<string, unknown>>(),
		createdAt: createdAt(),
	},
	(t) => [index("audit_log_workspace").on(t.workspaceId, t.id)],
);

/** Fixed-window counters for login throttling (per email and per IP). */
export const rateLimits = sqliteTable("rate_limits", {
	key: text("key").primaryKey(),
	count: integer("count").notNull(),
	windowEndsAt: integer("window_ends_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * Domains a workspace may send from. One Resend account serves every workspace, so a domain
 * belongs to at most one workspace, and only a verified one may appear in a From address.
 */
export const sendingDomains = sqliteTable(
	"sending_domains",
	{
		id: text("id").primaryKey(),
		workspaceId: text("workspace_id")
			.notNull()
			.references(() => workspaces.id, { onDelete: "cascade" }),
		domain: text("domain").notNull().unique(),
		status: text("status").$type<"pending" | "verified" | "failed">().notNull(),
		/** `provider`: verified through the provider's domains API; `operator`: listed by the operator. */
		source: text("source").$type<"provider" | "operator">().notNull(),
		providerId: text("provider_id"),
		records: text("records", { mode: "json" }).$type<unknown[]>(),
		verifiedAt: integer("verified_at", { mode: "timestamp_ms" }),
		createdAt: createdAt(),
	},
	(t) => [index("sending_domains_workspace").on(t.workspaceId)],
);
