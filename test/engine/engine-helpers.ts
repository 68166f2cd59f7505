import { env } from "cloudflare:workers";
import { fanoutStep } from "../../worker/services/fanout";
import { call, signupOwner } from "../client";
import { importCsv } from "../import-helpers";

type Received = {
	emails: {
		id: string;
		to: string[];
		subject: string;
		idempotencyKey: string;
		html: string;
		headers: Record<string, string>;
	}[];
	requests: { at: number; status: number; idempotencyKey: string; error?: string | null; fault?: unknown }[];
};

type Stats = {
	total_requests: number;
	accepted_requests: number;
	rejected_requests: number;
	accepted_emails: number;
	max_requests_in_any_second: number;
};

/** Talks to the fake Resend server's admin API (over HTTP, as the worker does). */
export const fake = {
	async admin(path: string, body?: unknown) {
		const res = await fetch(`${env.FAKE_RESEND_URL}/__admin/${path}`, {
			method: body === undefined ? "GET" : "POST",
			headers: { "content-type": "application/json" },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return res.json();
	},
	reset: () => fake.admin("reset", {}),
	faults: (spec: unknown) => fake.admin("faults", spec),
	received: () => fake.admin("received") as Promise<Received>,
	stats: () => fake.admin("stats") as Promise<Stats>,
};

/** A workspace ready to send: postal address, sender, `size` subscribed contacts and a template. */
export async function sendingWorkspace(size: number, ratePerSecond = 10_000) {
	const owner = await signupOwner("Engine Co");
	const { cookie } = owner;
	await call(
		"PATCH",
		"/api/v1/workspace",
		{
			postal_address: "1 Engine Way, Oslo",
			default_from_email: "news@engine.example",
			default_from_name: "Engine",
			send_rate_per_second: ratePerSecond,
		},
		{ cookie },
	);
	const rows = Array.from({ length: size }, (_, i) => `r${String(i).padStart(5, "0")}@engine.example,Reader${i}`);
	const imported = await importCsv(cookie, `email,first_name\n${rows.join("\n")}\n`);
	if (imported.result?.created !== size) throw new Error(`import created ${imported.result?.created}`);
	const template = await call(
		"POST",
		"/api/v1/templates",
		{
			name: "T",
			subject: "Hello {{ contact.first_name }}",
			html: '<p>Hi {{ contact.first_name }}</p><a href="https://engine.example/x">x</a>',
		},
		{ cookie },
	);
	return { ...owner, templateId: template.json.id as string };
}

export async function createCampaign(cookie: string, templateId: string, extra: Record<string, unknown> = {}) {
	const res = await call(
		"POST",
		"/api/v1/campaigns",
		{ name: "Launch", template_id: templateId, ...extra },
		{ cookie },
	);
	if (res.status !== 201) throw new Error(res.text);
	return res.json.id as string;
}

export async function stats(cookie: string, id: string) {
	return (await call("GET", `/api/v1/campaigns/${id}/stats`, undefined, { cookie })).json;
}

export async function waitFor<T>(
	what: string,
	probe: () => Promise<T | null | undefined | false>,
	timeoutMs = 90_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = await probe();
		if (value) return value;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`timed out waiting for ${what}`);
}

export const waitForStatus = (cookie: string, id: string, status: string, timeoutMs?: number) =>
	waitFor(
		`campaign ${status}`,
		async () => {
			const s = await stats(cookie, id);
			return s.status === status ? s : null;
		},
		timeoutMs,
	);

/** A campaign marked sending with its first chunk created by the real fan-out step, not yet attempted. */
export async function chunkReadyToSend(cookie: string, templateId: string, size: number) {
	const id = await createCampaign(cookie, templateId);
	const campaign = await env.DB.prepare("SELECT workspace_id FROM campaigns WHERE id = ?")
		.bind(id)
		.first<{ workspace_id: string }>();
	await env.DB.prepare("UPDATE campaigns SET status = 'sending', base_url = 'https://pulse.example' WHERE id = ?")
		.bind(id)
		.run();
	const step = await fanoutStep(
		env.DB,
		{ campaignId: id, workspaceId: campaign?.workspace_id ?? "", segmentDefinition: null },
		{ cursor: "", seq: 0 },
		size,
	);
	if (!step.chunk) throw new Error("no chunk to send");
	return { campaignId: id, chunkId: step.chunk.chunk_id, message: step.chunk };
}
