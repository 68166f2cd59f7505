import { createDb, type Db } from "../db/client";
import { optOutsOf, setOptOuts, topicsOfWorkspace } from "../db/topics";
import { contactWriteEvents, sendAfterWrite } from "./contact-outbox";
import type { ContactsEnv } from "./contacts-write";
import { describeTarget, type UnsubscribeTarget } from "./unsubscribe";
import { subscribersOf } from "./webhook-enqueue";

export type TopicChoice = { id: string; name: string; description: string; subscribed: boolean };

/**
 * What the preference page shows a recipient: the workspace's topics, each ticked unless they opted out of it.
 * Like the unsubscribe link, it acts only for a message Pulse sent to that contact (`sent`).
 */
export async function preferencesOf(db: Db, target: UnsubscribeTarget) {
	const described = await describeTarget(db, target);
	if (!described.sent || !described.contact) return { ...described, topics: [] as TopicChoice[] };
	const [topics, optedOut] = await Promise.all([
		topicsOfWorkspace(db, target.workspaceId),
		optOutsOf(db, target.contactId),
	]);
	const out = new Set(optedOut);
	return {
		...described,
		topics: topics.map((t) => ({ id: t.id, name: t.name, description: t.description, subscribed: !out.has(t.id) })),
	};
}

/**
 * Saves a recipient's choices: every topic of the workspace not in `kept` is opted out of, the rest opted back
 * in. Their subscription as a whole is unchanged (that is the unsubscribe button's job). A change is a contact
 * change: `contact.updated` to the webhook endpoints, with the topics as now chosen (kept in the webhook outbox
 * by the same batch).
 */
export async function savePreferences(env: ContactsEnv, target: UnsubscribeTarget, kept: string[]) {
	const db = createDb(env.DB);
	const current = await preferencesOf(db, target);
	if (!current.sent || !current.contact) return { ...current, saved: false };
	const keep = new Set(kept);
	const topics = current.topics.map((t) => ({ ...t, subscribed: keep.has(t.id) }));
	if (topics.every((t, i) => t.subscribed === current.topics[i]?.subscribed)) return { ...current, saved: true };
	const optOuts = topics.filter((t) => !t.subscribed).map((t) => t.id);
	const change = {
		created: false,
		unsubscribed: false,
		source: "preference page",
		details: { topics: topics.map(({ id, name, subscribed }) => ({ id, name, subscribed })) },
	};
	const now = new Date();
	const contact = { id: target.contactId, email: current.contact.email };
	const endpoints = await subscribersOf(env, target.workspaceId);
	const events = contactWriteEvents(target.workspaceId, endpoints, contact, change, now);
	await setOptOuts(db, target.workspaceId, target.contactId, optOuts, now, events.statements(db));
	await sendAfterWrite(env, target.workspaceId, target.contactId, events);
	return { ...current, topics, saved: true };
}
