import { createDb } from "../db/client";
import { listActiveMembers } from "../db/members";
import { digestMembers, markDigested, undigested } from "../db/notifications";
import { digestDue, effectivePreferences } from "../domain/notifications/preferences";
import { emailNotifications } from "./notification-channels";

/** From the cron: members who chose the daily digest get one email a day with what they chose to be emailed. */
export async function sendDigests(env: Env, now = new Date()) {
	const db = createDb(env.DB);
	for (const row of await digestMembers(db)) {
		const prefs = effectivePreferences(row.preferences);
		if (!prefs.daily_digest || !digestDue(row.lastDigestAt, now)) continue;
		const items = (await undigested(db, row.memberId, now)).filter((n) => prefs.kinds[n.kind] === "email");
		const member = (await listActiveMembers(db, row.workspaceId)).find((m) => m.id === row.memberId);
		if (member && items.length > 0)
			await emailNotifications(env, row.workspaceId, [{ email: member.email, id: `digest_${items[0]?.id}` }], items);
		await markDigested(
			db,
			row.memberId,
			items.map((i) => i.id),
			now,
		);
	}
}
