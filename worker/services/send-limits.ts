import { createDb } from "../db/client";
import { marketingSendTimes, workspaceSendSettings } from "../db/send-limits";
import { capAllowsAt, capOf, capWindowStart } from "../domain/sending/frequency-cap";

export type QuietHours = { start: string; end: string };

export type SendLimits = {
	workspaceTimezone: string;
	quietHours: QuietHours | null;
	/** For a contact: at an instant, true when one more marketing email fits the cap, else the next instant it does. */
	capAllows(contactId: string): (at: number) => true | number;
};

/**
 * The workspace's sending rules for a set of contacts at `now`: its time zone (for contacts without one), its quiet
 * hours and its frequency cap, the cap decided from the contacts' marketing emails in the window (one read for all).
 * Transactional journeys ignore these; broadcasts and other journeys count alike.
 */
export async function sendLimitsFor(
	env: Pick<Env, "DB">,
	workspaceId: string,
	contactIds: readonly string[],
	now: number,
	options: { exceptCampaignId?: string } = {},
): Promise<SendLimits> {
	const db = createDb(env.DB);
	const settings = await workspaceSendSettings(db, workspaceId);
	const cap = settings ? capOf(settings.frequencyCapMax, settings.frequencyCapPer) : null;
	const times =
		cap && contactIds.length > 0
			? await marketingSendTimes(db, [...new Set(contactIds)], capWindowStart(cap, now), options.exceptCampaignId)
			: new Map<string, number[]>();
	const quiet =
		settings?.quietHoursStart && settings.quietHoursEnd
			? { start: settings.quietHoursStart, end: settings.quietHoursEnd }
			: null;
	return {
		workspaceTimezone: settings?.timezone ?? "UTC",
		quietHours: quiet,
		capAllows: (contactId) => (at) => (cap ? capAllowsAt(times.get(contactId) ?? [], cap, at) : true),
	};
}
