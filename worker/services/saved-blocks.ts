import type { Principal } from "../context";
import type { Block } from "../contracts/blocks";
import { BlockDocumentSchema } from "../contracts/blocks";
import { createDb } from "../db/client";
import {
	deleteSavedBlockRow,
	findSavedBlockRow,
	insertSavedBlock,
	type SavedBlockRow,
	savedBlockPage,
} from "../db/saved-blocks";
import { newId } from "../domain/ids";
import { notFound } from "../errors";
import { pageOf, startAfter } from "./pagination";
import { compileOrRefuse } from "./template-source";

const present = (r: SavedBlockRow) => ({
	id: r.id,
	name: r.name,
	block: r.block,
	created_by: r.createdBy,
	created_at: r.createdAt.toISOString(),
});

export async function listSavedBlocks(d1: D1Database, workspaceId: string, page: { limit: number; cursor?: string }) {
	const rows = await savedBlockPage(createDb(d1), workspaceId, startAfter(page, "desc"), page.limit + 1);
	return pageOf(rows, page, present);
}

/** Saves a block for reuse across the workspace's templates; it must compile on its own (links checked). */
export async function createSavedBlock(d1: D1Database, actor: Principal, input: { name: string; block: Block }) {
	compileOrRefuse(BlockDocumentSchema.parse({ blocks: [input.block] }));
	const id = newId("sbk");
	const db = createDb(d1);
	await insertSavedBlock(db, {
		id,
		workspaceId: actor.workspaceId,
		name: input.name,
		block: input.block,
		createdBy: actor.kind === "session" ? actor.userId : actor.apiKeyId,
		createdAt: new Date(),
	});
	const row = await findSavedBlockRow(db, actor.workspaceId, id);
	if (!row) throw notFound("Saved block");
	return present(row);
}

export async function deleteSavedBlock(d1: D1Database, actor: Principal, id: string) {
	const db = createDb(d1);
	if (!(await findSavedBlockRow(db, actor.workspaceId, id))) throw notFound("Saved block");
	await deleteSavedBlockRow(db, actor.workspaceId, id);
}
