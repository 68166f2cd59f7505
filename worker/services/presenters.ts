import type { users, workspaces } from "../db/schema";

export function presentUser(row: typeof users.$inferSelect) {
	return { id: row.id, email: row.email, name: row.name, created_at: row.createdAt.toISOString() };
}

export function presentWorkspace(row: typeof workspaces.$inferSelect) {
	return {
		id: row.id,
		name: row.name,
		postal_address: row.postalAddress,
		default_from_name: row.defaultFromName,
		default_from_email: row.defaultFromEmail,
		send_rate_per_second: row.sendRatePerSecond,
		timezone: row.timezone,
		frequency_cap:
			row.frequencyCapMax !== null && row.frequencyCapPer !== null
				? { max: row.frequencyCapMax, per: row.frequencyCapPer }
				: null,
		quiet_hours:
			row.quietHoursStart !== null && row.quietHoursEnd !== null
				? { start: row.quietHoursStart, end: row.quietHoursEnd }
				: null,
		created_at: row.createdAt.toISOString(),
	};
}
