import { hash32 } from "../ab/assign";

/*
 * Split arms picked by a hash of the enrollment and the node (the A/B assignment's hash), not by Math.random: a
 * retried or replayed step takes the same arm, and the arms' shares follow their weights across enrollments.
 */

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
