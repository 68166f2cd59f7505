import { and, eq } from "drizzle-orm";
import type { SegmentDefinition } from "../contracts/segments";
import type { Db } from "./client";
import { inJson } from "./contacts";
import { segments } from "./schema-contacts";

/** Segments of a workspace by id, with their definitions (journeys following segment membership). */
export async function findSegmentRows(db: Db, workspaceId: string, ids: string[]) {
	if (ids.length === 0) return [];
	const rows = await db
		.select({ id: segments.id, definition: segments.definition })
		.from(segments)
		.where(and(eq(segments.workspaceId, workspaceId), inJson(segments.id, ids)));
	return rows.map((r) => ({ id: r.id, definition: r.definition as SegmentDefinition }));
}
