import { isTimeZone, nextLocalTime } from "../journeys/local-time";

/** The zone a contact's local times are read in: their own when it is a real IANA zone, else the workspace's. */
export const contactZone = (contactTimezone: string | null | undefined, workspaceTimezone: string) =>
	contactTimezone && isTimeZone(contactTimezone) ? contactTimezone : workspaceTimezone;

/**
 * "Send at 09:00 in each recipient's time zone": a recipient is due at the first `localTime` on their clock at or
 * after `from` (the campaign's send time), so the campaign sends for up to a day as the zones reach it.
 */
export const localDueAt = (from: number, localTime: string, zone: string) => nextLocalTime(from - 1, localTime, zone);
