/*
 * Split arms picked by a hash of the enrollment and the node, not by Math.random: a retried or replayed step takes
 * the same arm, and the arms' shares follow their weights across enrollments.
 */

/** A 32-bit FNV-1a hash with murmur3's finaliser (so ids differing in one character spread over the range). */
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

/** The arm for this enrollment at this split node, in proportion to the arms' weights. */
export function pickArm<A extends { weight: number }>(enrollmentId: string, nodeId: string, arms: readonly A[]): A {
	const total = arms.reduce((sum, arm) => sum + arm.weight, 0);
	let point = (hash32(`${enrollmentId}:${nodeId}`) / 2 ** 32) * total;
	for (const arm of arms) {
		if (point < arm.weight) return arm;
		point -= arm.weight;
	}
	return arms[arms.length - 1] as A;
}
