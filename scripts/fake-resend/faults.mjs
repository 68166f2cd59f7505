// Fault definitions and the seeded picker used by the fake Resend server.

/**
 * @typedef {{ kind: "429"; retryAfter?: number }
 *   | { kind: "500" }
 *   | { kind: "500_no_status" }
 *   | { kind: "503_html" }
 *   | { kind: "timeout_after_accept" }
 *   | { kind: "409_concurrent" }
 *   | { kind: "slow"; ms: number }
 *   | { kind: "422" }} Fault
 */

/** @typedef {Fault["kind"]} FaultKind */

/** @type {readonly FaultKind[]} */
export const FAULT_KINDS = [
	"429",
	"500",
	"500_no_status",
	"503_html",
	"timeout_after_accept",
	"409_concurrent",
	"slow",
	"422",
];

/** Delay used by `slow` faults picked in random mode. */
export const RANDOM_SLOW_MS = 250;

/**
 * Validates one fault coming from the admin API.
 * @param {unknown} value
 * @returns {Fault | string} the fault, or an error message
 */
export function parseFault(value) {
	if (typeof value !== "object" || value === null) return "a fault must be an object";
	const { kind, retryAfter, ms } = /** @type {{ kind?: unknown; retryAfter?: unknown; ms?: unknown }} */ (value);
	switch (kind) {
		case "429":
			if (retryAfter === undefined) return { kind };
			if (typeof retryAfter !== "number" || !(retryAfter >= 0)) return "429.retryAfter must be a number >= 0";
			return { kind, retryAfter };
		case "slow":
			if (typeof ms !== "number" || !(ms >= 0)) return "slow.ms must be a number >= 0";
			return { kind, ms };
		case "500":
		case "500_no_status":
		case "503_html":
		case "timeout_after_accept":
		case "409_concurrent":
		case "422":
			return { kind };
		default:
			return `unknown fault kind ${JSON.stringify(kind)} (expected one of ${FAULT_KINDS.join(", ")})`;
	}
}

/**
 * mulberry32: a small, fast, seedable PRNG returning floats in [0, 1).
 * @param {number} seed
 * @returns {() => number}
 */
export function mulberry32(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * @typedef {{ rate: number; kinds: FaultKind[]; seed: number; next: () => number }} RandomFaults
 */

/**
 * Validates the random-mode settings `{ rate, kinds, seed? }`.
 * @param {{ rate?: unknown; kinds?: unknown; seed?: unknown }} body
 * @returns {RandomFaults | string}
 */
export function parseRandomFaults(body) {
	const { rate, kinds, seed } = body;
	if (typeof rate !== "number" || !(rate >= 0 && rate <= 1)) return "rate must be a number between 0 and 1";
	if (!Array.isArray(kinds) || kinds.length === 0) return "kinds must be a non-empty array of fault kinds";
	/** @type {FaultKind[]} */
	const checked = [];
	for (const kind of kinds) {
		if (!FAULT_KINDS.includes(kind)) return `unknown fault kind ${JSON.stringify(kind)}`;
		checked.push(kind);
	}
	if (seed !== undefined && (typeof seed !== "number" || !Number.isFinite(seed))) return "seed must be a number";
	const effectiveSeed = typeof seed === "number" ? seed : Date.now();
	return { rate, kinds: checked, seed: effectiveSeed, next: mulberry32(effectiveSeed) };
}

/**
 * Draws the fault for one request from random mode (two PRNG draws per request, always, so the
 * sequence depends only on the seed and the request count).
 * @param {RandomFaults} random
 * @returns {Fault | null}
 */
export function drawRandomFault(random) {
	const hit = random.next() < random.rate;
	const kind = random.kinds[Math.floor(random.next() * random.kinds.length)];
	if (!hit || kind === undefined) return null;
	if (kind === "slow") return { kind, ms: RANDOM_SLOW_MS };
	return { kind };
}
