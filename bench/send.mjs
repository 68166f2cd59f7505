// Sending at scale against the fake Resend server: a 100,000-recipient campaign
//  (1) with a provider limit of R requests/s: the share of R used and the one-second windows over R;
//  (2) without a limit: recipients per minute.
import { writeFileSync } from "node:fs";
import { startFakeResend } from "../scripts/fake-resend.mjs";
import { startLocalServer } from "../scripts/local-server.mjs";
import { signIn } from "./lib.mjs";

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 100_000);
const LIMIT = Number(process.env.BENCH_RATE ?? 3);
/** `limited` or `unlimited` runs one of the two; both by default. */
const ONLY = process.env.BENCH_ONLY ?? "";

async function run(label, requestsPerSecond, providerLimit) {
	const fake = await startFakeResend({ rateLimitPerSecond: providerLimit || null });
	const server = await startLocalServer({
		vars: {
			RESEND_API_KEY: "re_bench",
			SENDING_DOMAINS: "pulse.example=*",
			RESEND_BASE_URL: fake.url,
			PROVIDER_REQUESTS_PER_SECOND: String(requestsPerSecond),
		},
	});
	try {
		const { api } = await signIn(server.baseUrl);
		await api("PATCH", "/api/v1/workspace", {
			postal_address: "1 Bench St",
			default_from_email: "bench@pulse.example",
			send_rate_per_second: 10_000,
		});
		const rows = Array.from({ length: RECIPIENTS }, (_, i) => `r${i}@bench.example,Reader ${i}`);
		const { import_id } = await api("POST", "/api/v1/contacts/import", `email,first_name\n${rows.join("\n")}\n`, {
			"content-type": "text/csv",
		});
		while ((await api("GET", `/api/v1/imports/${import_id}`)).status === "running")
			await new Promise((r) => setTimeout(r, 250));
		const template = await api("POST", "/api/v1/templates", {
			name: "Bench",
			subject: "Hello {{ contact.first_name }}",
			html: '<p>Hi {{ contact.first_name }}, read <a href="https://bench.example/post">the post</a>.</p>',
		});
		const campaign = await api("POST", "/api/v1/campaigns", { name: label, template_id: template.id });
		const started = performance.now();
		await api("POST", `/api/v1/campaigns/${campaign.id}/send`);
		let stats;
		// How long a person's read of the campaign waits while it sends.
		let slowestRead = 0;
		do {
			await new Promise((r) => setTimeout(r, 1000));
			const asked = performance.now();
			stats = await api("GET", `/api/v1/campaigns/${campaign.id}/stats`);
			slowestRead = Math.max(slowestRead, performance.now() - asked);
		} while (stats.status === "sending");
		const seconds = (performance.now() - started) / 1000;
		const provider = await (await fetch(`${fake.url}/__admin/stats`)).json();
		if (process.env.BENCH_DEBUG_FILE) {
			const { requests } = await (await fetch(`${fake.url}/__admin/received`)).json();
			writeFileSync(`${process.env.BENCH_DEBUG_FILE}.log`, server.output());
			writeFileSync(
				process.env.BENCH_DEBUG_FILE,
				JSON.stringify(requests.map((r) => ({ at: r.at, status: r.status, key: r.idempotencyKey }))),
			);
		}
		return { seconds, stats, provider, slowestRead };
	} finally {
		server.stop();
		await fake.close();
	}
}

if (ONLY !== "unlimited") {
	const limited = await run("limited", LIMIT, LIMIT);
	const active = (limited.provider.last_at - limited.provider.first_at) / 1000 + 1;
	const newRequests = limited.provider.accepted_requests - limited.provider.replayed_requests;
	console.log(
		`limited to ${LIMIT} requests/s (${LIMIT * 100} emails/s): ${limited.stats.sent}/${RECIPIENTS} sent in ${limited.seconds.toFixed(1)} s`,
	);
	console.log(
		`  share of the limit used while sending: ${((100 * newRequests) / (active * LIMIT)).toFixed(1)}% (${newRequests} requests over ${active.toFixed(1)} s)`,
	);
	console.log(
		`  busiest second: ${limited.provider.max_requests_in_any_second} requests; refused by the provider (429): ${limited.provider.rejected_requests}`,
	);
	console.log(`  slowest campaign stats read while sending: ${Math.round(limited.slowestRead)} ms`);
}

if (ONLY !== "limited") {
	const open = await run("unlimited", 100_000, null);
	console.log(
		`no limit: ${open.stats.sent}/${RECIPIENTS} sent in ${open.seconds.toFixed(1)} s = ${Math.round((open.stats.sent / open.seconds) * 60)} recipients/minute`,
	);
	console.log(`  slowest campaign stats read while sending: ${Math.round(open.slowestRead)} ms`);
}
