import { env } from "cloudflare:workers";
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
