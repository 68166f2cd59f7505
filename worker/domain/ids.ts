const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

/**
 * Opaque ids that sort by creation time (48-bit ms timestamp, then 80 random bits),
 * so "order by id" is a stable cursor for pagination.
 */
export function newId(prefix: string, now = Date.now()): string {
	let time = "";
	let t = now;
	for (let i = 0; i < 10; i++) {
		time = ALPHABET[t % 32] + time;
		t = Math.floor(t / 32);
	}
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	let rand = "";
	for (const b of bytes) rand += ALPHABET[b % 32];
	return `${prefix}_${time}${rand}`;
}
