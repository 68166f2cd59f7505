// Journeys at scale (issue #15's goals, each ≤ 2 minutes locally): a segment of BENCH_CONTACTS (100,000) contacts
// entered on activation (include_existing), then all of them advanced at one moment (a delay until the same
// local time ends for everyone at once). Prints each time against its goal.
import { startLocalServer } from "../scripts/local-server.mjs";
import { signIn } from "./lib.mjs";

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000);
const GOAL_S = 120;
/** How far ahead the shared moment is set: entering must be over by then. */
const LEAD_MS = Number(process.env.BENCH_LEAD_MS ?? 240_000);

const lines = ["email,tags"];
for (let i = 0; i < CONTACTS; i++) lines.push(`j${i}@bench.example,vip`);
const csv = `${lines.join("\n")}\n`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const verdict = (s) => `${s.toFixed(1)} s (goal ≤ ${GOAL_S} s: ${s <= GOAL_S ? "met" : "MISSED"})`;

const server = await startLocalServer();
try {
	const { api } = await signIn(server.baseUrl);
	const { import_id } = await api("POST", "/api/v1/contacts/import", csv, { "content-type": "text/csv" });
	for (let s = { status: "running" }; s.status === "running"; await sleep(500))
		s = await api("GET", `/api/v1/imports/${import_id}`);
	const segment = await api("POST", "/api/v1/segments", { name: "VIP", definition: { all: [{ tag: "vip" }] } });

	// The shared moment: a whole minute at least LEAD_MS ahead, as HH:MM in UTC (the contacts have no time zone).
	const moment = Math.ceil((Date.now() + LEAD_MS) / 60_000) * 60_000;
	const hhmm = new Date(moment).toISOString().slice(11, 16);
	const journey = await api("POST", "/api/v1/journeys", {
		name: "Bench",
		definition: {
			entry: { type: "segment", segment_id: segment.id, include_existing: true },
			start: "wait",
			nodes: { wait: { type: "delay", until_local: hhmm, next: "done" }, done: { type: "exit" } },
		},
	});
	const started = performance.now();
	const activated = await api("POST", `/api/v1/journeys/${journey.id}/activate`);
	let stats;
	do {
		await sleep(1000);
		stats = await api("GET", `/api/v1/journeys/${journey.id}/stats`);
	} while (stats.entered < activated.entering_now);
	const enterSeconds = (performance.now() - started) / 1000;
	console.log(`enter: ${stats.entered} of a ${CONTACTS}-contact segment entered in ${verdict(enterSeconds)}`);
	if (Date.now() > moment) console.log(`  (entering ended after the shared moment ${hhmm}; raise BENCH_LEAD_MS)`);

	await sleep(Math.max(0, moment - Date.now()));
	const due = performance.now();
	do {
		await sleep(1000);
		stats = await api("GET", `/api/v1/journeys/${journey.id}/stats`);
	} while (stats.completed < stats.entered);
	const advanceSeconds = (performance.now() - due) / 1000;
	console.log(
		`advance: ${stats.completed} enrollments whose delay ended at ${hhmm} UTC advanced in ${verdict(advanceSeconds)}`,
	);
} finally {
	await server.stop();
}
