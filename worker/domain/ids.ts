const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

let lastMs = -1;
const lastRandom = new Uint8Array(16);

/**
 * Random digits for a new id; within one millisecond they count up, so ids stay in creation order.
 * Any other millisecond starts afresh: an id made for an explicit (say, scheduled) time must not
 * drag the timestamps of every later id in the isolate along with it.
 */
function randomPart(now: number): Uint8Array {
	if (now !== lastMs) {
		lastMs = now;
		crypto.getRandomValues(lastRandom);
		lastRandom[0] = (lastRandom[0] ?? 0) % 16; // room to count up without overflowing
		return lastRandom;
	}
	for (let i = lastRandom.length - 1; i >= 0; i--) {
		lastRandom[i] = ((lastRandom[i] ?? 0) + 1) % 32;
		if (lastRandom[i] !== 0) break;
	}
	return lastRandom;
}

/**
 * Opaque ids that sort by creation time (48-bit ms timestamp, then 80 random bits, monotonic
 * within a millisecond in one isolate), so "order by id" is a stable cursor for pagination.
 */
export function newId(prefix: string, now = Date.now()): string {
	let time = "";
	let t = now;
	for (let i = 0; i < 10; i++) {
		time = ALPHABET[t % 32] + time;
		t = Math.floor(t / 32);
	}
	let rand = "";
	for (const b of randomPart(now)) rand += ALPHABET[b % 32];
	return `${prefix}_${time}${rand}`;
}

/** The smallest id `newId(prefix)` could make at `ms`: every id made at or after `ms` sorts at or above it. */
export function idFloor(prefix: string, ms: number): string {
	let time = "";
	let t = Math.max(0, Math.floor(ms));
	for (let i = 0; i < 10; i++) {
		time = ALPHABET[t % 32] + time;
		t = Math.floor(t / 32);
	}
	return `${prefix}_${time}`;
}
