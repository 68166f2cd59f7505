import { and, eq, gt, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "./client";
import { inJson } from "./messages";
import { workspaces } from "./schema";
import { campaigns } from "./schema-campaigns";
import { messages } from "./schema-contacts";

/** A message counts against the frequency cap while queued and once the provider has it. */
const COUNTED = ["queued", "sent", "delivered", "bounced", "complained"];
/** How long before it is due a message can be written (a local-time broadcast fans out up to a day ahead). */
const MAX_LEAD_MS = 2 * 86_400_000;

export type SendSettings = {
	timezone: string;
	frequencyCapMax: number | null;
	frequencyCapPer: string | null;
	quietHoursStart: string | null;
	quietHoursEnd: string | null;
};

export function workspaceSendSettings(db: Db, workspaceId: string): Promise<SendSettings | undefined> {
	return db
		.select({
			timezone: workspaces.timezone,
			frequencyCapMax: workspaces.frequencyCapMax,
			frequencyCapPer: workspaces.frequencyCapPer,
			quietHoursStart: workspaces.quietHoursStart,
			quietHoursEnd: workspaces.quietHoursEnd,
		})
		.from(workspaces)
		.where(eq(workspaces.id, workspaceId))
		.get();
}

/**
 * When each of these contacts' marketing emails (broadcasts and non-transactional journeys, queued or sent) go out
 * or are due, for those after `since`: one query through (contact, created_at), whatever the number of contacts.
 * `exceptCampaignId`: a fan-out leaves its own campaign's rows out (a replayed step finds them written already).
 */
export async function marketingSendTimes(
	db: Db,
	contactIds: readonly string[],
	since: number,
	exceptCampaignId?: string,
): Promise<Map<string, number[]>> {
	const at = sql<number>`coalesce(${messages.scheduledFor}, ${messages.sentAt}, ${messages.createdAt})`.mapWith(Number);
	const rows = await db
		.select({ contactId: messages.contactId, at })
		.from(messages)
		.innerJoin(campaigns, eq(campaigns.id, messages.campaignId))
		.where(
			and(
				inJson(messages.contactId, contactIds),
				gt(messages.createdAt, new Date(since - MAX_LEAD_MS)),
				inArray(messages.status, COUNTED),
				eq(campaigns.transactional, false),
				exceptCampaignId ? ne(messages.campaignId, exceptCampaignId) : undefined,
				sql`${at} > ${since}`,
			),
		);
	const times = new Map<string, number[]>();
	for (const r of rows) times.set(r.contactId, [...(times.get(r.contactId) ?? []), r.at]);
	return times;
}
