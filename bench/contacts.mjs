// Contacts at scale: a 100,000-row CSV import (seconds, workerd peak memory), then segment
// counts over 100,000 contacts and 1,000,000 events against a baseline in the same run:
// the same preview endpoint with an empty rule tree, i.e. a bare count(*) of the contacts.
import { startLocalServer } from "../scripts/local-server.mjs";
import { median, signIn, timeIt, workerdMemory } from "./lib.mjs";

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const CITIES = ["Berlin", "Paris", "Madrid", "Rome", "Vienna", "Lisbon", "Oslo", "Prague", "Dublin", "Warsaw"];

function generateCsv() {
	const lines = ["email,first_name,last_name,city,plan,orders,tags"];
	for (let i = 0; i < CONTACTS; i++) {
		lines.push(
			`user${i}@bench.example,First${i},"Last, ${i}",${CITIES[i % 10]},${i % 3 === 0 ? "pro" : "free"},${i % 50},${i % 4 === 0 ? "vip;news" : "news"}`,
		);
	}
	return `${lines.join("\n")}\n`;
}

// The CSV and the event batches are built before the server starts: built between requests, on a busy
// machine, they left the connections idle long enough for the server to close them under the next request.
const csv = generateCsv();
const names = ["purchase", "page_view", "login", "cart"];
const batches = [];
for (let sent = 0; sent < EVENTS; sent += 500) {
	batches.push(
		Array.from({ length: Math.min(500, EVENTS - sent) }, (_, j) => {
			const n = sent + j;
			return {
				email: `user${(n * 7919) % CONTACTS}@bench.example`,
				name: names[n % 4],
				occurred_at: new Date(Date.now() - (n % 90) * 86_400_000).toISOString(),
				properties: { amount: n % 100 },
			};
		}),
	);
}
const server = await startLocalServer();
try {
	const { api } = await signIn(server.baseUrl);
	const before = workerdMemory(server.pid);
	const started = performance.now();
	const { import_id } = await api("POST", "/api/v1/contacts/import", csv, { "content-type": "text/csv" });
	let state;
	do {
		await new Promise((r) => setTimeout(r, 250));
		state = await api("GET", `/api/v1/imports/${import_id}`);
	} while (state.status === "running");
	const importSeconds = (performance.now() - started) / 1000;
	const after = workerdMemory(server.pid);
	console.log(
		`import: ${CONTACTS} rows, ${(csv.length / 1e6).toFixed(1)} MB in ${importSeconds.toFixed(1)} s (${Math.round(CONTACTS / importSeconds)} rows/s), status ${state.status}, created ${state.created}, errors ${state.error_count}`,
	);
	if (before && after)
		console.log(
			`workerd memory: ${before.rssMb.toFixed(0)} MB before, peak ${after.peakMb.toFixed(0)} MB during the import`,
		);

	const eventsStarted = performance.now();
	for (let i = 0; i < batches.length; i += 8) {
		await Promise.all(batches.slice(i, i + 8).map((batch) => api("POST", "/api/v1/events", { batch })));
	}
	console.log(`events: ${EVENTS} recorded in ${((performance.now() - eventsStarted) / 1000).toFixed(1)} s\n`);

	const segments = {
		"baseline: all contacts (bare count)": { all: [] },
		"attribute city = Berlin": { all: [{ attribute: "city", op: "eq", value: "Berlin" }] },
		"tag vip": { all: [{ tag: "vip" }] },
		"purchase ≥ 1 in 30 days": { all: [{ event: "purchase", count: { op: "gte", value: 1 }, within_days: 30 }] },
		"Berlin AND vip AND orders > 10": {
			all: [
				{ attribute: "city", op: "eq", value: "Berlin" },
				{ tag: "vip" },
				{ attribute: "orders", op: "gt", value: 10 },
			],
		},
		"(Berlin OR Paris) AND NOT plan = pro AND purchase in 30 d": {
			all: [
				{
					any: [
						{ attribute: "city", op: "eq", value: "Berlin" },
						{ attribute: "city", op: "eq", value: "Paris" },
					],
				},
				{ not: { attribute: "plan", op: "eq", value: "pro" } },
				{ event: "purchase", count: { op: "gte", value: 1 }, within_days: 30 },
			],
		},
	};
	// Timed: GET /segments/:id, which answers the saved segment with its stored count (one row read), and
	// PATCH /segments/:id with the same rules, which counts them now (the count a save, an edit or the
	// background refresh runs): its ratio to the bare count's is what counting the segment costs. Each recount is
	// timed right after a recount of the bare count, and the ratio is the median of those pairs' ratios (RUNS pairs),
	// so a machine whose load drifts during the run slows both sides of each pair alike.
	const RUNS = 9;
	const once = async (fn) => {
		const t = performance.now();
		await fn();
		return performance.now() - t;
	};
	const saved = [];
	for (const [name, definition] of Object.entries(segments)) {
		const { id, count } = await api("POST", "/api/v1/segments", { name, definition });
		saved.push({ name, definition, id, count });
	}
	const [bare] = saved;
	const recountOf = (s) => () => api("PATCH", `/api/v1/segments/${s.id}`, { definition: s.definition });
	let baseline = 0;
	for (const s of saved) {
		const ms = await timeIt(() => api("GET", `/api/v1/segments/${s.id}`));
		if (!baseline) baseline = ms;
		const bareTimes = [];
		const times = [];
		const ratios = [];
		for (let i = 0; i < RUNS; i++) {
			const b = await once(recountOf(bare));
			const t = await once(recountOf(s));
			bareTimes.push(b);
			times.push(t);
			ratios.push(t / b);
		}
		console.log(
			`${s.name.padEnd(58)} ${String(s.count).padStart(7)} contacts ${ms.toFixed(0).padStart(6)} ms  ${(ms / baseline).toFixed(2)}x baseline  | recount ${median(times).toFixed(0).padStart(6)} ms  ${median(ratios).toFixed(2)}x bare count (${median(bareTimes).toFixed(0)} ms)`,
		);
	}
	const preview = await timeIt(() =>
		api("POST", "/api/v1/segments/preview", { definition: segments["attribute city = Berlin"] }),
	);
	console.log(`\npreview (count + sample of 10) of "city = Berlin": ${preview.toFixed(0)} ms`);
} finally {
	server.stop();
}
