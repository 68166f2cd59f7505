import type { Principal } from "../context";
import { type CommentRow, commentsOf, findComment, insertCommentStatement, type TargetType } from "../db/approvals";
import { createDb } from "../db/client";
import { listActiveMembers } from "../db/members";
import { newId } from "../domain/ids";
import { mentionedMembers } from "../domain/notifications/mentions";
import { ApiError } from "../errors";
import { loadTarget } from "./approval-targets";
import { auditInsert } from "./audit";
import { memberIdOf } from "./notifications";
import { notify } from "./notify";
import { type Page, type PageRequest, pageOf, startAfter } from "./pagination";

const present = (r: CommentRow) => ({
	id: r.id,
	parent_id: r.parentId,
	member_id: r.memberId,
	author: r.author,
	body: r.body,
	mentions: r.mentions,
	created_at: r.createdAt.toISOString(),
});

export async function listComments(
	d1: D1Database,
	workspaceId: string,
	type: TargetType,
	id: string,
	page: PageRequest,
): Promise<Page<ReturnType<typeof present>>> {
	const db = createDb(d1);
	await loadTarget(d1, db, workspaceId, type, id);
	const rows = await commentsOf(db, workspaceId, type, id, { after: startAfter(page, "asc"), limit: page.limit + 1 });
	return pageOf(rows, page, present);
}

/** Adds a note (a reply when `parent_id` is given); members mentioned by @name or @email are notified. */
export async function addComment(
	env: Env,
	actor: Principal,
	type: TargetType,
	id: string,
	input: { body: string; parent_id?: string | null },
	ip: string | null,
) {
	const db = createDb(env.DB);
	const target = await loadTarget(env.DB, db, actor.workspaceId, type, id);
	if (input.parent_id && !(await findComment(db, actor.workspaceId, type, id, input.parent_id)))
		throw new ApiError("validation_failed", "Reply to a comment of this thread", [
			{ path: "parent_id", message: "Comment not found" },
		]);
	const members = await listActiveMembers(db, actor.workspaceId);
	const authorId = await memberIdOf(db, actor);
	const author = members.find((m) => m.id === authorId);
	const mentions = mentionedMembers(input.body, members).filter((m) => m !== authorId);
	const row = {
		id: newId("cmt"),
		workspaceId: actor.workspaceId,
		targetType: type,
		targetId: id,
		parentId: input.parent_id ?? null,
		memberId: authorId,
		author: author?.name || author?.email || "API key",
		body: input.body,
		mentions,
		createdAt: new Date(),
	};
	await db.batch([
		insertCommentStatement(db, row),
		auditInsert(db, {
			workspaceId: actor.workspaceId,
			action: "comment.create",
			actor,
			target: { type, id },
			ip,
			metadata: { comment_id: row.id, mentions },
		}),
	]);
	if (mentions.length)
		await notify(env, actor.workspaceId, mentions, {
			kind: "mentioned",
			title: `${row.author} mentioned you on ${target.name}`,
			body: input.body.length > 280 ? `${input.body.slice(0, 279)}…` : input.body,
			link: target.link,
		});
	return present(row);
}
