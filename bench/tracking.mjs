// Tracking at the edge: pixel and click throughput/latency against GET /health (a bare Hono route)
// on the same local runtime in the same run; every hit accounted for afterwards; and the live
// latency from a pixel hit to the campaign socket's update.
import { startLocalServer } from "../scripts/local-server.mjs";
import { median, signIn } from "./lib.mjs";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 5) * 1000;
const RECIPIENTS = 300;

const percentile = (values, p) =>
	[...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];

async function load(name, makeRequest) {
	const latencies = [];
	const deadline = Date.now() + DURATION_MS;
	const started = performance.now();
	let failed = 0;
	let i = 0;
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (Date.now() < deadline) {
				const t = performance.now();
				const res = await makeRequest(i++);
				await res.arrayBuffer();
				latencies.push(performance.now() - t);
				if (res.status >= 400) failed++;
			}
		}),
	);
	const seconds = (performance.now() - started) / 1000;
	return {
		name,
		rps: latencies.length / seconds,
		p50: median(latencies),
		p99: percentile(latencies, 99),
		hits: latencies.length,
		failed,
	};
}

const server = await startLocalServer();
try {
	const { baseUrl } = server;
	const { api } = await signIn(baseUrl);
	await api("PATCH", "/api/v1/workspace", { postal_address: "1 Bench St", default_from_email: "bench@pulse.example" });
	const rows = Array.from({ length: RECIPIENTS }, (_, i) => `t${i}@bench.example`);
	const { import_id } = await api("POST", "/api/v1/contacts/import", `email\n${rows.join("\n")}\n`, {
		"content-type": "text/csv",
	});
	while ((await api("GET", `/api/v1/imports/${import_id}`)).status === "running")
		await new Promise((r) => setTimeout(r, 200));
	const template = await api("POST", "/api/v1/templates", {
		name: "T",
		subject: "S",
		html: '<p>Hi</p><a href="https://bench.example/post">read</a>',
	});
	const campaign = await api("POST", "/api/v1/campaigns", { name: "Tracking bench", template_id: template.id });
	await api("POST", `/api/v1/campaigns/${campaign.id}/send`);
	while ((await api("GET", `/api/v1/campaigns/${campaign.id}/stats`)).status !== "completed")
		await new Promise((r) => setTimeout(r, 300));
	const outbox = (await api("GET", `/api/v1/outbox?campaign_id=${campaign.id}&limit=500`)).data;
	const pick = (html, kind) => new RegExp(`/t/${kind}/[\\w-]+`).exec(html)?.[0];
	const pixels = outbox.map((m) => pick(m.html, "o"));
	const clicks = outbox.map((m) => pick(m.html, "c"));
	const live = pixels.splice(0, 15);

	const results = [
		await load("GET /health (bare Hono route)", () => fetch(`${baseUrl}/health`)),
		await load("GET /t/o/:token (open pixel)", (i) => fetch(`${baseUrl}${pixels[i % pixels.length]}`)),
		await load("GET /t/c/:token (click redirect)", (i) =>
			fetch(`${baseUrl}${clicks[i % clicks.length]}`, { redirect: "manual" }),
		),
	];
	const [base] = results;
	console.log(`concurrency ${CONCURRENCY}, ${DURATION_MS / 1000}s each`);
	for (const r of results) {
		console.log(
			`${r.name.padEnd(36)} ${r.rps.toFixed(0).padStart(6)} req/s (${(r.rps / base.rps).toFixed(2)}x)  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms (${(r.p99 / base.p99).toFixed(2)}x)${r.failed ? `  ${r.failed} failed` : ""}`,
		);
	}
	// Hits of one pixel or link within the same minute are one event by design.
	let stats;
	let previous = -1;
	for (;;) {
		await new Promise((r) => setTimeout(r, 2000));
		stats = await api("GET", `/api/v1/campaigns/${campaign.id}/stats`);
		const total = stats.opens + stats.clicks;
		if (total === previous) break;
		previous = total;
	}
	console.log(
		`accounted: ${stats.opens} opens (${stats.machine_opens} machine) from ${pixels.length} pixels hit ${results[1].hits} times; ${stats.clicks} clicks (${stats.bot_clicks} bot) from ${clicks.length} links hit ${results[2].hits} times`,
	);

	const { token } = await api("POST", `/api/v1/campaigns/${campaign.id}/live-token`);
	const socket = new WebSocket(`${baseUrl.replace("http", "ws")}/api/v1/campaigns/${campaign.id}/live?token=${token}`);
	const updates = [];
	socket.addEventListener("message", (event) =>
		updates.push({ at: performance.now(), message: JSON.parse(String(event.data)) }),
	);
	await new Promise((resolve) => socket.addEventListener("open", resolve));
	const delays = [];
	for (const path of live) {
		// Opens arrive apart in real life; back-to-back hits would measure the 250 ms coalescing instead.
		await new Promise((r) => setTimeout(r, 400));
		const before = updates.length;
		const opensBefore = stats.opens;
		const t = performance.now();
		await fetch(`${baseUrl}${path}`);
		while (!updates.slice(before).some((u) => u.message.stats && u.message.stats.opens > opensBefore))
			await new Promise((r) => setTimeout(r, 5));
		delays.push(performance.now() - t);
		stats = updates.at(-1).message.stats;
	}
	socket.close();
	console.log(
		`live: pixel hit → socket update p50 ${median(delays).toFixed(0)} ms, p95 ${percentile(delays, 95).toFixed(0)} ms over ${delays.length} hits`,
	);
} finally {
	server.stop();
}
