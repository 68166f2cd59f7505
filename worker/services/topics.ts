import type { BatchItem } from "drizzle-orm/batch";
import type { Principal } from "../context";
import type { Topic } from "../contracts/topics";
import type { Db } from "../db/client";
import {
	countTopics,
	deleteTopicStatement,
	findTopic,
	insertTopic,
	type TopicRow,
	topicsOfWorkspace,
	updateTopicStatement,
} from "../db/topics";
import { enabledEndpoints } from "../db/webhook-endpoints";
import { keepTopicDeletedEvents } from "../db/webhook-outbox";
import { newId } from "../domain/ids";
import { ApiError, notFound } from "../errors";
import { auditInsert } from "./audit";

/** A preference page lists every topic; more than this many would not be read. */
export const MAX_TOPICS = 50;

const taken = () =>
	new ApiError("conflict", "This workspace already has a topic of that name", [
		{ path: "name", message: "Already used" },
	]);

const present = (row: TopicRow & { optedOut?: number }): Topic => ({
	id: row.id,
	name: row.name,
	description: row.description,
	opted_out: row.optedOut ?? 0,
	created_at: row.createdAt.toISOString(),
});

export async function listTopics(db: Db, workspaceId: string) {
	return {
		data: (await topicsOfWorkspace(db, workspaceId)).map((r) => present({ ...r, workspaceId })),
		next_cursor: null,
	};
}

export async function createTopic(
	db: Db,
	actor: Principal,
	input: { name: string; description?: string },
	ip: string | null,
) {
	if ((await countTopics(db, actor.workspaceId)) >= MAX_TOPICS)
		throw new ApiError("conflict", `A workspace has at most ${MAX_TOPICS} topics`);
	const row = await insertTopic(db, {
		id: newId("top"),
		workspaceId: actor.workspaceId,
		name: input.name,
		description: input.description ?? "",
		createdAt: new Date(),
	});
	if (!row) throw taken();
	await auditInsert(db, {
		workspaceId: actor.workspaceId,
		action: "topic.created",
		actor,
		target: { type: "topic", id: row.id },
		ip,
		metadata: { name: row.name },
	});
	return present(row);
}

export async function updateTopic(
	db: Db,
	actor: Principal,
	id: string,
	patch: { name?: string; description?: string },
	ip: string | null,
) {
	const row = await findTopic(db, actor.workspaceId, id);
	if (!row) throw notFound("Topic");
	try {
		await db.batch([
			updateTopicStatement(db, actor.workspaceId, id, patch),
			auditInsert(db, {
				workspaceId: actor.workspaceId,
				action: "topic.updated",
				actor,
				target: { type: "topic", id },
				ip,
				metadata: { fields: Object.keys(patch) },
			}),
		]);
	} catch (error) {
		if (String(error).includes("UNIQUE")) throw taken();
		throw error;
	}
	const listed = (await listTopics(db, actor.workspaceId)).data.find((t) => t.id === id);
	if (!listed) throw notFound("Topic");
	return listed;
}

/**
 * Deleting a topic forgets its opt-outs and takes it off its campaigns (which then reach everyone again). Each
 * contact who had opted out of it changed: when an endpoint listens, `contact.updated` (source `topic deleted`)
 * is kept in the webhook outbox by the same batch, and the cron sends it.
 */
export async function deleteTopic(db: Db, actor: Principal, id: string, ip: string | null) {
	const [row, endpoints] = await Promise.all([
		findTopic(db, actor.workspaceId, id),
		enabledEndpoints(db, actor.workspaceId),
	]);
	if (!row) throw notFound("Topic");
	const told = endpoints.some((e) => e.events.includes("contact.updated"));
	const statements: BatchItem<"sqlite">[] = [
		deleteTopicStatement(db, actor.workspaceId, id),
		auditInsert(db, {
			workspaceId: actor.workspaceId,
			action: "topic.deleted",
			actor,
			target: { type: "topic", id },
			ip,
			metadata: { name: row.name },
		}),
	];
	if (told) statements.unshift(keepTopicDeletedEvents(db, row, new Date())); // before the delete forgets them
	const [first, ...rest] = statements;
	if (first) await db.batch([first, ...rest]);
}

/** A campaign's topic must be one of the workspace's. */
export async function assertTopicOfWorkspace(db: Db, workspaceId: string, topicId: string | null | undefined) {
	if (topicId && !(await findTopic(db, workspaceId, topicId)))
		throw new ApiError("validation_failed", "Choose a topic of this workspace", [
			{ path: "topic_id", message: "Topic not found" },
		]);
}
