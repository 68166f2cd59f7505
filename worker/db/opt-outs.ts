import { and, eq, inArray, max } from "drizzle-orm";
import type { Db } from "./client";
import { contactStatusHistory, suppressions } from "./schema-contacts";

/**
 * When the person behind an address last said no in Pulse (ms), or null: a known contact's latest change to
 * "unsubscribed"; an address without a contact, the time it went on the suppression list as unsubscribed or
 * erased (an erasure keeps only that). Bounces and complaints are left out: those refuse any subscription anyway.
 */
export async function latestOptOut(
	db: Db,
	workspaceId: string,
	email: string,
	contactId: string | undefined,
): Promise<number | null> {
	if (contactId) {
		const [row] = await db
			.select({ at: max(contactStatusHistory.createdAt) })
			.from(contactStatusHistory)
			.where(and(eq(contactStatusHistory.contactId, contactId), eq(contactStatusHistory.toStatus, "unsubscribed")));
		return row?.at ? row.at.getTime() : null;
	}
	const [row] = await db
		.select({ at: suppressions.createdAt })
		.from(suppressions)
		.where(
			and(
				eq(suppressions.workspaceId, workspaceId),
				eq(suppressions.email, email),
				inArray(suppressions.reason, ["unsubscribed", "erased"]),
			),
		);
	return row ? row.at.getTime() : null;
}
