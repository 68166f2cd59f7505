import { TIMELINE_KINDS, type TimelineKind } from "../../contracts/timeline";
import { fromBase64Url, toBase64Url } from "../encoding";

/** A timeline item's place: newest first, ties broken by kind then id (both descending), so pages never overlap. */
export type TimelinePosition = { at: number; kind: TimelineKind; id: string };

export function encodeTimelineCursor(p: TimelinePosition): string {
	return toBase64Url(new TextEncoder().encode(`${p.at}|${p.kind}|${p.id}`));
}

export function decodeTimelineCursor(cursor: string): TimelinePosition | null {
	const bytes = fromBase64Url(cursor);
	if (!bytes) return null;
	const [at, kind, id, extra] = new TextDecoder().decode(bytes).split("|");
	if (extra !== undefined || !at || !/^\d{1,15}$/.test(at) || !id || !/^[\w-]{1,80}$/.test(id)) return null;
	if (!TIMELINE_KINDS.includes(kind as TimelineKind)) return null;
	return { at: Number(at), kind: kind as TimelineKind, id };
}

/** Whether `a` comes before `b` in the timeline (newer, or as new with a greater kind, then id). */
export function isBefore(a: TimelinePosition, b: TimelinePosition): boolean {
	if (a.at !== b.at) return a.at > b.at;
	if (a.kind !== b.kind) return a.kind > b.kind;
	return a.id > b.id;
}

/**
 * How one source of `kind` must be bounded to start after `cursor`: rows strictly older than `at`, plus rows at
 * exactly `at` when the kind sorts after the cursor's (`all`), or, of the same kind, with an id below `idBelow`.
 */
export function boundFor(kind: TimelineKind, cursor: TimelinePosition | null) {
	if (!cursor) return null;
	if (kind < cursor.kind) return { at: cursor.at, sameAt: "all" as const };
	if (kind > cursor.kind) return { at: cursor.at, sameAt: "none" as const };
	return { at: cursor.at, sameAt: "below" as const, idBelow: cursor.id };
}

/** Newest first across sources: sorts, keeps `limit`, and says where the next page starts. */
export function mergeTimeline<T extends TimelinePosition>(items: T[], limit: number) {
	const sorted = [...items].sort((a, b) => (isBefore(a, b) ? -1 : isBefore(b, a) ? 1 : 0));
	const page = sorted.slice(0, limit);
	const last = page.at(-1);
	return { page, next: sorted.length > limit && last ? encodeTimelineCursor(last) : null };
}
