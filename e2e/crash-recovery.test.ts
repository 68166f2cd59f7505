import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { OFFLINE_ENV, ROOT, WRANGLER } from "../scripts/local-env.mjs";
import { freePort } from "../scripts/local-server.mjs";
import { apiSession } from "./api-session";

const CONTACTS = 2000;
/** Recipients a second: 20 chunks of 100, one a second, so the send is still going when the server dies. */
const RATE = 100;
/** A chunk untouched this long is taken for lost (5 minutes in production). */
const STALE_CHUNK_MS = 3000;
const STARTUP_MS = 120_000;

type Stats = { status: string; audience: number; sent: number; queued: number; failed: number };
type Page<T> = { data: T[]; next_cursor: string | null };

/** `npm start` on its own port and state directory, in its own process group (so it can be killed whole). */
function npmStart(port: number, persistTo: string) {
	const child = spawn(
		process.execPath,
		[
			path.join(ROOT, "scripts", "start.mjs"),
			"--port",
			String(port),
			"--persist-to",
			persistTo,
			"--skip-build",
			"--var",
			"TOKEN_SECRET:crash-test-secret-0123456789abcdef",
			"--var",
			`STALE_CHUNK_MS:${STALE_CHUNK_MS}`,
			// Whatever a developer's .dev.vars says, this test sends into the capture outbox.
			"--var",
			"RESEND_API_KEY:",
		],
		{ cwd: ROOT, env: { ...OFFLINE_ENV, CI: "1" }, stdio: ["ignore", "pipe", "pipe"], detached: true },
	);
	let output = "";
	const keep = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-20_000);
	};
	child.stdout?.on("data", keep);
	child.stderr?.on("data", keep);
	const ready = new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${output}`)), STARTUP_MS);
		child.stdout?.on("data", () => {
			if (output.includes("Pulse is running at")) {
				clearTimeout(timer);
				resolve();
			}
		});
		child.once("exit", (code) => {
			clearTimeout(timer);
			reject(new Error(`npm start exited with ${code}:\n${output}`));
		});
	});
	return { child, ready, output: () => output };
}

/** Kills the whole process group (node, wrangler, workerd) and waits until it is gone. */
async function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once("exit", resolve));
	try {
		process.kill(-child.pid, signal);
	} catch {
		return;
	}
	await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
}

/** Chunks still waiting for the queue, read from the stopped server's local database. */
function outstandingChunks(persistTo: string, campaignId: string): number {
	const sql = `select count(*) as n from chunks where campaign_id = '${campaignId}' and status in ('queued', 'frozen')`;
	const out = execFileSync(
		WRANGLER,
		["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--json", "--command", sql],
		{
			cwd: ROOT,
			env: OFFLINE_ENV,
			encoding: "utf8",
		},
	);
	return (JSON.parse(out) as { results: { n: number }[] }[])[0]?.results[0]?.n ?? 0;
}

async function until<T>(what: string, probe: () => Promise<T | null | false | undefined>, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = await probe();
		if (value) return value;
		await new Promise((resolve) => setTimeout(resolve, 150));
	}
	throw new Error(`timed out waiting for ${what}`);
}

const persistTo = mkdtempSync(path.join(tmpdir(), "pulse-crash-"));
const servers: ChildProcess[] = [];
afterAll(async () => {
	for (const child of servers) {
		await killGroup(child, "SIGTERM");
		await killGroup(child, "SIGKILL");
	}
	rmSync(persistTo, { recursive: true, force: true });
});

describe("a server killed in the middle of a send", () => {
	it("finishes the campaign after `npm start` on the same state, every recipient served exactly once", async () => {
		const port = await freePort();
		const baseUrl = `http://127.0.0.1:${port}`;
		const first = npmStart(port, persistTo);
		servers.push(first.child);
		await first.ready;

		const api = await apiSession(baseUrl, { id: Date.now().toString(36), name: "Crash Test", ip: "198.51.100.71" });
		await api.json("PATCH", "/api/v1/workspace", {
			postal_address: "1 Recovery Road, Oslo",
			default_from_email: "news@crash.example",
			default_from_name: "Crash",
			send_rate_per_second: RATE,
		});
		const rows = Array.from({ length: CONTACTS }, (_, i) => `reader${String(i).padStart(4, "0")}@crash.example,R${i}`);
		const upload = await fetch(`${baseUrl}/api/v1/contacts/import`, {
			method: "POST",
			headers: { cookie: api.cookie, origin: baseUrl, "content-type": "text/csv" },
			body: `email,first_name\n${rows.join("\n")}\n`,
		});
		expect(upload.status, await upload.clone().text()).toBe(202);
		const { import_id } = (await upload.json()) as { import_id: string };
		const imported = await until(
			"the import",
			async () => {
				const job = await api.json<{ status: string; created: number }>("GET", `/api/v1/imports/${import_id}`);
				return job.status !== "running" && job;
			},
			60_000,
		);
		expect(imported).toMatchObject({ status: "completed", created: CONTACTS });
		const template = await api.json<{ id: string }>("POST", "/api/v1/templates", {
			name: "Crash",
			subject: "Hello {{ contact.first_name }}",
			html: "<p>Hi {{ contact.first_name }}</p>",
		});
		const campaign = await api.json<{ id: string }>("POST", "/api/v1/campaigns", {
			name: "Interrupted",
			template_id: template.id,
		});
		const stats = () => api.json<Stats>("GET", `/api/v1/campaigns/${campaign.id}/stats`);
		await api.json("POST", `/api/v1/campaigns/${campaign.id}/send`);

		// kill -9 while a chunk is on its way (fanned out, not yet sent), once some recipients have been sent to;
		// should the kill land between two chunks, the server is started again and killed at the next one.
		let server = first;
		let interrupted = 0;
		for (let attempt = 0; attempt < 4 && interrupted === 0; attempt++) {
			const before = await until(
				"a chunk on its way",
				async () => {
					const now = await stats();
					return now.sent >= 100 && now.queued > 0 && now;
				},
				60_000,
			);
			await killGroup(server.child, "SIGKILL");
			await expect(fetch(`${baseUrl}/health`)).rejects.toThrow();
			expect(before.status).toBe("sending");
			interrupted = outstandingChunks(persistTo, campaign.id);
			server = npmStart(port, persistTo);
			servers.push(server.child);
			await server.ready;
		}
		expect(interrupted).toBeGreaterThan(0);

		const final = await until(
			"the campaign to complete",
			async () => {
				const now = await stats();
				return now.status === "completed" && now;
			},
			90_000,
		);
		expect(final).toMatchObject({ audience: CONTACTS, sent: CONTACTS, queued: 0, failed: 0 });

		const captured: string[] = [];
		for (let cursor: string | null = ""; cursor !== null; ) {
			const page: Page<{ to: string }> = await api.json(
				"GET",
				`/api/v1/outbox?campaign_id=${campaign.id}&limit=500${cursor ? `&cursor=${cursor}` : ""}`,
			);
			captured.push(...page.data.map((m) => m.to));
			cursor = page.next_cursor;
		}
		expect(captured).toHaveLength(CONTACTS);
		expect(new Set(captured).size).toBe(CONTACTS);

		const log: { email: string; status: string }[] = [];
		for (let cursor: string | null = ""; cursor !== null; ) {
			const page: Page<{ email: string; status: string }> = await api.json(
				"GET",
				`/api/v1/campaigns/${campaign.id}/messages?limit=500${cursor ? `&cursor=${cursor}` : ""}`,
			);
			log.push(...page.data);
			cursor = page.next_cursor;
		}
		expect(log).toHaveLength(CONTACTS);
		expect(new Set(log.map((m) => m.email)).size).toBe(CONTACTS);
		expect(log.filter((m) => m.status !== "sent")).toEqual([]);
	}, 240_000);
});
