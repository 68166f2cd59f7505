import type { JourneyNode } from "../../contracts/journeys";
import { parseIsoDate } from "../segments/iso-date";
import { parseDuration } from "./duration";
import type { ExecContext } from "./enrollment";
import { instantOf, isTimeZone, nextLocalTime, quietUntil } from "./local-time";

/*
 * When a delay ends and when a held send may go: the contact's time zone (falling back to the workspace's), local
 * times across daylight-saving changes (local-time.ts), date attributes, quiet hours and the frequency cap.
 */

type Delay = Extract<JourneyNode, { type: "delay" }>;
const DAY_MS = 86_400_000;
const BARE_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const contactZone = (ctx: ExecContext) =>
	ctx.contact.timezone && isTimeZone(ctx.contact.timezone) ? ctx.contact.timezone : ctx.workspaceTimezone;

/**
 * The instant a date attribute plus `offsetDays` falls on: a bare date is midnight in the contact's zone (the
 * offset in calendar days), a date-time is its instant; null when the attribute is missing or not a date.
 */
export function attributeInstant(value: unknown, offsetDays: number, zone: string): number | null {
	if (typeof value !== "string") return null;
	const bare = BARE_DATE.exec(value);
	if (bare) {
		if (parseIsoDate(value) === null) return null;
		const date = { year: Number(bare[1]), month: Number(bare[2]), day: Number(bare[3]) + offsetDays };
		const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day));
		const day = { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
		return instantOf(day, "00:00", zone);
	}
	const at = parseIsoDate(value);
	return at === null ? null : at + offsetDays * DAY_MS;
}

/** When a delay that starts now ends, or null when its date attribute is missing or invalid (go on at once). */
export function delayEnd(node: Delay, ctx: ExecContext): number | null {
	if (node.duration !== undefined) return ctx.now + (parseDuration(node.duration) ?? 0);
	if (node.until_local !== undefined) return nextLocalTime(ctx.now, node.until_local, contactZone(ctx), node.weekdays);
	if (node.until_attribute === undefined) return ctx.now;
	const value = ctx.contact.attributes[node.until_attribute];
	return attributeInstant(value, node.offset_days ?? 0, contactZone(ctx));
}

/**
 * The first moment from now that is outside quiet hours and under the frequency cap (now itself when allowed),
 * with what held it. Transactional journeys are never held.
 */
export function sendWindow(ctx: ExecContext): { at: number; heldBy?: "quiet_hours" | "cap" } {
	if (ctx.transactional) return { at: ctx.now };
	let at = ctx.now;
	let heldBy: "quiet_hours" | "cap" | undefined;
	for (let round = 0; round < 8; round++) {
		const quiet = ctx.quietHours ? quietUntil(at, ctx.quietHours, contactZone(ctx)) : null;
		if (quiet !== null) {
			at = quiet;
			heldBy ??= "quiet_hours";
			continue;
		}
		const cap = ctx.capAllows ? ctx.capAllows(at) : true;
		if (cap === true) break;
		at = Math.max(cap, at + 1);
		heldBy ??= "cap";
	}
	return { at, heldBy };
}
