// Request throughput of the API's authenticated paths against a baseline measured in the
// same run (`GET /health`: routing only, no D1). Ratios, not absolute numbers, are the result:
// they say what authentication and D1 cost per request on this machine.
import { startLocalServer } from "../scripts/local-server.mjs";
import { signIn } from "./lib.mjs";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 5) * 1000;

async function measure(name, makeRequest) {
	let done = 0;
	let failed = 0;
	const deadline = Date.now() + DURATION_MS;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (Date.now() < deadline) {
				const res = await makeRequest();
				await res.arrayBuffer();
				if (res.ok) done++;
				else failed++;
			}
		}),
	);
	const seconds = (performance.now() - started) / 1000;
	return { name, requests_per_second: done / seconds, failed };
}

const server = await startLocalServer();
try {
	const { baseUrl } = server;
	const { cookie, api } = await signIn(baseUrl);
	const key = await api("POST", "/api/v1/api-keys", { name: "bench", role: "viewer" });

	const results = [
		await measure("GET /health (baseline)", () => fetch(`${baseUrl}/health`)),
		await measure("GET /api/v1/me (API key)", () =>
			fetch(`${baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${key.key}` } }),
		),
		await measure("GET /api/v1/me (session cookie)", () => fetch(`${baseUrl}/api/v1/me`, { headers: { cookie } })),
		await measure("GET /api/v1/members (session cookie)", () =>
			fetch(`${baseUrl}/api/v1/members`, { headers: { cookie } }),
		),
	];
	const baseline = results[0].requests_per_second;
	console.log(`concurrency ${CONCURRENCY}, ${DURATION_MS / 1000}s per scenario\n`);
	for (const r of results) {
		const ratio = r.requests_per_second / baseline;
		console.log(
			`${r.name.padEnd(40)} ${r.requests_per_second.toFixed(0).padStart(7)} req/s   ${ratio.toFixed(2)}x baseline${r.failed ? `   (${r.failed} failed)` : ""}`,
		);
	}
} finally {
	server.stop();
}
