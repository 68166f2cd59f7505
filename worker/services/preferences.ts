import type { Db } from "../db/client";
import { optOutsOf, setOptOuts, topicsOfWorkspace } from "../db/topics";
import { describeTarget, type UnsubscribeTarget } from "./unsubscribe";

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
 * in. Their subscription as a whole is unchanged (that is the unsubscribe button's job).
 */
export async function savePreferences(db: Db, target: UnsubscribeTarget, kept: string[]) {
	const current = await preferencesOf(db, target);
	if (!current.sent || !current.contact) return { ...current, saved: false };
	const keep = new Set(kept);
	const optOuts = current.topics.filter((t) => !keep.has(t.id)).map((t) => t.id);
	await setOptOuts(db, target.workspaceId, target.contactId, optOuts);
	return { ...current, topics: current.topics.map((t) => ({ ...t, subscribed: keep.has(t.id) })), saved: true };
}
