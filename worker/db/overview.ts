import {
	and,
	count,
	eq,
	gt,
	gte,
	inArray,
	isNotNull,
	isNull,
	or,
	type SQLWrapper,
	sql,
	exists as sqlExists,
} from "drizzle-orm";
import { CONTACT_STATUSES } from "../contracts/contacts";
import { idFloor } from "../domain/ids";
import { BROADCAST } from "./campaigns";
import type { Db } from "./client";
import { apiKeys, invitations, memberships, sendingDomains, workspaces } from "./schema";
import { campaigns } from "./schema-campaigns";
import { contacts, events, messages } from "./schema-contacts";
import { templates } from "./schema-templates";

const SENT = ["sent", "delivered", "bounced", "complained"];
const LIVE = ["scheduled", "sending", "paused"] as const;

/** `SELECT EXISTS(...)` of a bounded query, as 0/1. */
const exists = (query: SQLWrapper) => sql<number>`${sqlExists(query)}`.mapWith(Number);

/**
 * What the Overview shows, in one D1 round trip. Every part reads through an index: contact totals
 * from (workspace, status), the 30-day growth from contact ids (they sort by creation time), the
 * "is it done" facts as EXISTS probes, and the 30-day sends from the campaigns active in the window.
 */
export async function readOverview(db: Db, workspaceId: string, since: number, now: number) {
	const recent = and(
		eq(contacts.workspaceId, workspaceId),
		inArray(contacts.status, [...CONTACT_STATUSES]),
		gte(contacts.id, idFloor("ctc", since)),
	);
	const day = sql<string>`strftime('%Y-%m-%d', ${contacts.createdAt} / 1000, 'unixepoch')`;
	const windowCampaigns = db
		.select({ id: campaigns.id })
		.from(campaigns)
		.where(
			and(
				eq(campaigns.workspaceId, workspaceId),
				isNotNull(campaigns.startedAt),
				or(isNull(campaigns.completedAt), gte(campaigns.completedAt, new Date(since))),
			),
		);
	const [workspace, totals, growth, facts, sends, live] = await db.batch([
		db
			.select({ postalAddress: workspaces.postalAddress, defaultFromEmail: workspaces.defaultFromEmail })
			.from(workspaces)
			.where(eq(workspaces.id, workspaceId)),
		db
			.select({ total: count(), subscribed: sql<number>`coalesce(sum(${contacts.status} = 'subscribed'), 0)` })
			.from(contacts)
			.where(eq(contacts.workspaceId, workspaceId)),
		db
			.select({ day, added: count() })
			.from(contacts)
			.where(and(recent, gte(contacts.createdAt, new Date(since))))
			.groupBy(day),
		db
			.select({
				template: exists(db.select({ x: sql`1` }).from(templates).where(eq(templates.workspaceId, workspaceId))),
				campaignSent: exists(
					db
						.select({ x: sql`1` })
						.from(campaigns)
						.where(and(eq(campaigns.workspaceId, workspaceId), isNotNull(campaigns.startedAt), BROADCAST)),
				),
				members:
					sql<number>`(${db.select({ n: count() }).from(memberships).where(eq(memberships.workspaceId, workspaceId))})`.mapWith(
						Number,
					),
				invited: exists(
					db
						.select({ x: sql`1` })
						.from(invitations)
						.where(and(eq(invitations.workspaceId, workspaceId), gt(invitations.expiresAt, new Date(now)))),
				),
				apiKey: exists(
					db
						.select({ x: sql`1` })
						.from(apiKeys)
						.where(and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt))),
				),
				events: exists(db.select({ x: sql`1` }).from(events).where(eq(events.workspaceId, workspaceId))),
				domain: exists(
					db
						.select({ x: sql`1` })
						.from(sendingDomains)
						.where(and(eq(sendingDomains.workspaceId, workspaceId), eq(sendingDomains.status, "verified"))),
				),
			})
			.from(sql`(SELECT 1)`),
		db
			.select({
				sent: count(),
				opened: count(messages.openedAt),
				clicked: count(messages.clickedAt),
			})
			.from(messages)
			.where(
				and(
					inArray(messages.campaignId, windowCampaigns),
					inArray(messages.status, SENT),
					gte(messages.sentAt, new Date(since)),
				),
			),
		db
			.select({
				id: campaigns.id,
				name: campaigns.name,
				status: campaigns.status,
				sendAt: campaigns.sendAt,
				startedAt: campaigns.startedAt,
			})
			.from(campaigns)
			.where(and(eq(campaigns.workspaceId, workspaceId), inArray(campaigns.status, [...LIVE]), BROADCAST))
			.orderBy(sql`${campaigns.id} DESC`)
			.limit(20),
	]);
	return {
		workspace: workspace[0],
		totals: totals[0] ?? { total: 0, subscribed: 0 },
		growth,
		facts: facts[0],
		sends: sends[0] ?? { sent: 0, opened: 0, clicked: 0 },
		live: live as ((typeof live)[number] & { status: (typeof LIVE)[number] })[],
	};
}
