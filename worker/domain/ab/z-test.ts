/**
 * The classic fixed-horizon two-proportion z-test (unpooled standard error). Not used to decide:
 * it is here so the tests can show what peeking with it would have called a winner that the
 * always-valid test (sequential.ts) rightly does not.
 */
import { normalTwoSidedP } from "./gamma";
import { type Counts, rate } from "./sequential";

export function zTest(w: Counts, j: Counts): { z: number; p_value: number } {
	const pw = rate(w);
	const pj = rate(j);
	const se = Math.sqrt((pw * (1 - pw)) / w.n + (pj * (1 - pj)) / j.n);
	const z = se > 0 ? (pw - pj) / se : 0;
	return { z, p_value: normalTwoSidedP(z) };
}
