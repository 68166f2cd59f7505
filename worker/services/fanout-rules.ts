import type { Db } from "../db/client";
import { chunkDueMessages, dueMessageIds, fanoutRulesOf } from "../db/local-send";
import { marketingSendTimes } from "../db/send-limits";
import { sha256Hex } from "../domain/encoding";
import { capAllowsAt, capOf, capWindowStart } from "../domain/sending/frequency-cap";
import { contactZone, localDueAt } from "../domain/sending/local-send";

/** What a broadcast's fan-out decides per recipient besides the audience. */
export type FanoutRules = {
	/** A local-time send: recipients wait for their time, and are chunked when due (see `releaseDueSends`). */
	local: boolean;
	/** When the contact is due (local-time sends), or null: at once. */
	dueAt(contact: { timezone: string | null }): number | null;
	/** Whether the workspace's frequency cap leaves the contact out of this campaign (ends `capped`). */
	capped(contactId: string, at: number): boolean;
};

/**
 * The rules for a page of the audience: the campaign's local send time (in each contact's zone, else the
 * workspace's) and the frequency cap, decided from the contacts' other marketing emails (one read for the page).
 */
export async function fanoutRules(db: Db, campaignId: string, contactIds: string[], now: number): Promise<FanoutRules> {
	const row = await fanoutRulesOf(db, campaignId);
	const cap = row ? capOf(row.frequencyCapMax, row.frequencyCapPer) : null;
	const times =
		cap && contactIds.length > 0
			? await marketingSendTimes(db, contactIds, capWindowStart(cap, now), campaignId)
			: new Map<string, number[]>();
	const localTime = row?.localTime ?? null;
	const from = row?.sendAt?.getTime() ?? row?.startedAt?.getTime() ?? now;
	return {
		local: localTime !== null,
		dueAt: (contact) =>
			localTime ? localDueAt(from, localTime, contactZone(contact.timezone, row?.timezone ?? "UTC")) : null,
		capped: (contactId, at) => cap !== null && capAllowsAt(times.get(contactId) ?? [], cap, at) !== true,
	};
}

/** A chunk of due recipients is named by who is in it: putting the same recipients in a chunk again names the same one. */
const dueChunkId = async (campaignId: string, messageIds: string[]) =>
	`chk_l${(await sha256Hex(`${campaignId}\n${messageIds.join("\n")}`)).slice(0, 25)}`;

/**
 * A local-time send's recipients whose time has come go into chunks of `size` (at most `size` × `count` per call)
 *. Answers the chunks (for the SENDS queue, like any chunk) and whether recipients still wait.
 */
export async function releaseDueSends(
	db: Db,
	campaign: { campaignId: string; workspaceId: string },
	now: number,
	size: number,
	count: number,
) {
	const ids = await dueMessageIds(db, campaign.campaignId, now, size * count);
	const groups: { chunkId: string; messageIds: string[] }[] = [];
	for (let i = 0; i < ids.length; i += size) {
		const messageIds = ids.slice(i, i + size);
		groups.push({ chunkId: await dueChunkId(campaign.campaignId, messageIds), messageIds });
	}
	const waiting = await chunkDueMessages(db, campaign.workspaceId, campaign.campaignId, groups);
	return { chunkIds: groups.map((g) => g.chunkId), waiting };
}
