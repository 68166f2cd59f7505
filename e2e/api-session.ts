import { expect } from "vitest";

/**
 * A signed-up owner talking to the local server over HTTP, as a script or the dashboard would.
 * Each caller passes its own documentation IP (`cf-connecting-ip`), because signups are rate limited
 * per IP and the browser tests sign up from 127.0.0.1.
 */
export async function apiSession(baseUrl: string, who: { id: string; name: string; ip: string }) {
	const signup = await fetch(`${baseUrl}/api/v1/auth/signup`, {
		method: "POST",
		headers: { "content-type": "application/json", origin: baseUrl, "cf-connecting-ip": who.ip },
		body: JSON.stringify({
			name: who.name,
			email: `${who.name.toLowerCase().replace(/\W+/g, "-")}-${who.id}@example.com`,
			password: "correct-horse-1",
			workspace_name: `${who.name} ${who.id}`,
		}),
	});
	expect(signup.status, await signup.clone().text()).toBe(201);
	const cookie = (signup.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

	/** A raw request with the session (and a same-origin `Origin` on writes, as the browser sends). */
	const request = (method: string, path: string, body?: unknown) =>
		fetch(`${baseUrl}${path}`, {
			method,
			headers: { cookie, origin: baseUrl, ...(body === undefined ? {} : { "content-type": "application/json" }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});

	/** A JSON call that must succeed. */
	async function json<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await request(method, path, body);
		const text = await response.text();
		expect(response.status, `${method} ${path}: ${text}`).toBeLessThan(300);
		return JSON.parse(text) as T;
	}

	return { cookie, request, json };
}

/** Scripts the fake model's next turns (scripts/fake-openai.mjs). */
export async function scriptModel(fakeOpenAiUrl: string, turns: unknown[], chunkDelayMs = 20) {
	await fetch(`${fakeOpenAiUrl}/__admin/reset`, { method: "POST" });
	const response = await fetch(`${fakeOpenAiUrl}/__admin/script`, {
		method: "POST",
		headers: { "content-type": "application/json" },
		body: JSON.stringify({ turns, chunk_delay_ms: chunkDelayMs }),
	});
	expect(response.status).toBe(200);
}

/** The chat requests the fake model received. */
export async function modelRequests(fakeOpenAiUrl: string) {
	const response = await fetch(`${fakeOpenAiUrl}/__admin/requests`);
	// biome-ignore lint/suspicious/noExplicitAny: OpenAI request bodies, read loosely
	return ((await response.json()) as { requests: any[] }).requests;
}
