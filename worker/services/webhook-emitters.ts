import type { CampaignStatus } from "../contracts/campaigns";
import type { Contact } from "../contracts/contacts";
import { createDb } from "../db/client";
import { findImport } from "../db/imports";
import type { ContactWrite, ImportPlan } from "../domain/contacts/import-plan";
import { emitWebhookEvents, enqueueWebhookEvents, type WebhookEvent } from "./outbound-webhooks";

/*
 * The one-line hooks the rest of Pulse calls to tell webhook endpoints what happened. Each makes at most one
 * `emitWebhookEvents` call per workspace (one D1 read; when an endpoint listens, the events kept in the D1 outbox
 * until the queue has taken them) and never throws, except `announceImportCompleted`, whose caller retries it.
 */

type EmitEnv = Pick<Env, "DB" | "WEBHOOKS">;

/** A `contact.created`/`contact.updated` event's data: the contact, `source` and the change's `details`. */
export const contactEventData = (contact: Contact, change: { source: string; details?: Record<string, unknown> }) => ({
	...contact,
	source: change.source,
	...change.details,
});

/** A `contact.unsubscribed` event's data. */
export const unsubscribedData = (contact: { id: string; email: string }, change: { source: string }) => ({
	contact_id: contact.id,
	email: contact.email,
	source: change.source,
});

/**
 * One import step's writes as events: `contact.created`/`contact.updated` per row, `contact.unsubscribed` per row it
 * unsubscribed; keyed per import and contact, so sending them again (from the importer's outbox) is one delivery.
 */
export function importedContactEvents(
	importId: string,
	plan: Pick<ImportPlan, "creates" | "updates" | "statusChanges" | "tags">,
	at: Date,
): WebhookEvent[] {
	const tags = new Map<string, string[]>();
	for (const t of plan.tags) tags.set(t.contact_id, [...(tags.get(t.contact_id) ?? []), t.tag]);
	const data = ({ line: _line, ...c }: ContactWrite) => ({
		...c,
		added_tags: tags.get(c.id) ?? [],
		source: "import",
		import_id: importId,
	});
	const event = (type: WebhookEvent["type"], contactId: string, payload: unknown): WebhookEvent => ({
		type,
		key: `${type}:${importId}:${contactId}`,
		at,
		data: payload,
	});
	return [
		...plan.creates.map((c) => event("contact.created", c.id, data(c))),
		...plan.updates.map((c) => event("contact.updated", c.id, data(c))),
		...plan.statusChanges
			.filter((c) => c.to === "unsubscribed")
			.map((c) =>
				event("contact.unsubscribed", c.id, {
					contact_id: c.id,
					email: c.email,
					source: "import",
					import_id: importId,
				}),
			),
	];
}

/** What the EVENTS consumer stored: tracking hits, provider events and unsubscribes. */
type StoredEvent = {
	workspaceId: string;
	messageId?: string | null;
	campaignId?: string | null;
	contactId: string;
	kind: string;
	flag?: string | null;
	url?: string | null;
	occurredAt: Date;
	dedupeKey: string;
};

const EMAIL_EVENT: Record<string, WebhookEvent["type"]> = {
	open: "email.opened",
	click: "email.clicked",
	delivered: "email.delivered",
	bounce: "email.bounced",
	complaint: "email.complained",
	unsubscribe: "contact.unsubscribed",
};

function emailEvent(row: StoredEvent): WebhookEvent | null {
	const type = EMAIL_EVENT[row.kind];
	if (!type) return null;
	const at = row.occurredAt;
	const base = {
		message_id: row.messageId ?? null,
		campaign_id: row.campaignId ?? null,
		contact_id: row.contactId,
		at,
	};
	if (type === "email.opened") return { type, at, data: { ...base, machine: row.flag === "machine" } };
	if (type === "email.clicked") return { type, at, data: { ...base, url: row.url ?? null, bot: row.flag === "bot" } };
	if (type === "contact.unsubscribed") return { type, at, data: { ...base, source: "link" } };
	return { type, at, data: base };
}

/** The rows a batch of the EVENTS consumer inserted (a redelivered batch inserts none): one emit per workspace. */
export async function emitStoredEventWebhooks(env: EmitEnv, rows: StoredEvent[], inserted: Set<string>) {
	const byWorkspace = new Map<string, WebhookEvent[]>();
	for (const row of rows) {
		const event = inserted.has(row.dedupeKey) ? emailEvent(row) : null;
		if (event) byWorkspace.set(row.workspaceId, [...(byWorkspace.get(row.workspaceId) ?? []), event]);
	}
	await Promise.all([...byWorkspace].map(([workspaceId, events]) => emitWebhookEvents(env, workspaceId, events)));
}

/** A chunk's recipients the provider accepted: one `email.sent` each, in one emit. */
export function emitSentWebhooks(
	env: EmitEnv,
	workspaceId: string,
	campaignId: string,
	sent: { id: string; provider_id: string | null }[],
	frozen: { messageIds: string[]; emails: { to: string }[] },
	now: number,
) {
	const at = new Date(now);
	const to = new Map(frozen.messageIds.map((id, i) => [id, frozen.emails[i]?.to ?? null]));
	const events: WebhookEvent[] = sent.map((s) => ({
		type: "email.sent",
		at,
		data: { message_id: s.id, campaign_id: campaignId, to: to.get(s.id) ?? null, provider_id: s.provider_id, at },
	}));
	return emitWebhookEvents(env, workspaceId, events);
}

/** A campaign's object changed its status (`campaign` is its state after the change). */
export function emitCampaignStatusWebhook(
	env: EmitEnv,
	campaign: { workspaceId: string; campaignId: string; status: CampaignStatus },
	from: CampaignStatus | null,
	now: number,
) {
	const at = new Date(now);
	const data = { campaign_id: campaign.campaignId, from, to: campaign.status, at };
	return emitWebhookEvents(env, campaign.workspaceId, [{ type: "campaign.status_changed", at, data }]);
}

/**
 * An import that finished (`status` completed or failed) with its counts. Throws when it could not be enqueued (its
 * ImportDO tries again); keyed by the import, so a repeat after a crash or a failed try is one delivery.
 */
export async function announceImportCompleted(env: EmitEnv, workspaceId: string, importId: string) {
	const row = await findImport(createDb(env.DB), workspaceId, importId);
	if (!row) return;
	await enqueueWebhookEvents(env, workspaceId, [
		{
			type: "import.completed",
			key: `import.completed:${importId}`,
			at: row.completedAt ?? row.createdAt,
			data: {
				import_id: importId,
				status: row.status,
				total_rows: row.totalRows,
				processed_rows: row.processedRows,
				created: row.created,
				updated: row.updated,
				skipped: row.skipped,
				errors: row.errorCount,
				failure: row.failure ?? null,
			},
		},
	]);
}
