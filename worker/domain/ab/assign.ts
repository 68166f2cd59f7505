/**
 * A/B variant assignment (issue #16): every recipient of a campaign lands in the same place on every
 * call, on every worker, with no state — a stable hash of the contact id salted with the campaign id.
 *
 * The hash is FNV-1a (32-bit) followed by MurmurHash3's finaliser. FNV-1a alone is fast and
 * deterministic but mixes its last characters poorly into the high bits, and ids that differ only at
 * the end (`c_0001`, `c_0002`, …) are the common case; the finaliser spreads every input bit over the
 * whole word, so taking the high bits (scaling to [0, 1)) gives a uniform bucket.
 * It is synchronous on purpose: crypto.subtle's SHA-256 is async and far slower per id, and nothing
 * here is a secret (the salt only keeps one campaign's split independent of another's).
 */

export const MIN_VARIANTS = 2;
export const MAX_VARIANTS = 8;

export type Assignment = { group: "test"; variantId: string } | { group: "holdout" };

/** FNV-1a over the string's UTF-16 code units, then murmur3 fmix32; an unsigned 32-bit integer. */
export function hash32(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/** The hash scaled to one of `buckets` equal slices (uses the high bits, which the finaliser mixed best). */
export function bucketOf(text: string, buckets: number): number {
	return Math.floor((hash32(text) / 2 ** 32) * buckets);
}

/**
 * Places a contact in the test group (and then in one of the variants) or in the holdout that waits
 * for the winner. A contact is in the test group when its bucket (0..99) is below `testPercent`.
 * The variant comes from a second, independently salted hash, so changing `testPercent` only moves
 * people between the test group and the holdout: nobody already in the test changes variant.
 */
export function assignVariant(
	campaignId: string,
	contactId: string,
	variantIds: readonly string[],
	testPercent: number,
): Assignment {
	if (variantIds.length < MIN_VARIANTS || variantIds.length > MAX_VARIANTS) {
		throw new RangeError(`an A/B test has ${MIN_VARIANTS} to ${MAX_VARIANTS} variants, got ${variantIds.length}`);
	}
	if (!(testPercent >= 1 && testPercent <= 100)) {
		throw new RangeError(`test_percent is 1..100, got ${testPercent}`);
	}
	if (bucketOf(`${campaignId}:${contactId}`, 100) >= testPercent) return { group: "holdout" };
	const variantId = variantIds[bucketOf(`${campaignId}:${contactId}:variant`, variantIds.length)];
	if (variantId === undefined) throw new Error("unreachable: bucket outside the variant list");
	return { group: "test", variantId };
}
