import { env, exports } from "cloudflare:workers";

export const ORIGIN = "http://pulse.test";

export type Caller = {
	cookie?: string;
	apiKey?: string;
	origin?: string | null;
	ip?: string;
	https?: boolean;
	/** Another instance of the app to call (e.g. one built with a test model); by default the worker itself. */
	via?: (request: Request) => Promise<Response>;
};

/** Calls the real worker (Hono app, D1, bindings) the way a browser or a script would. */
export async function call(method: string, path: string, body?: unknown, as: Caller = {}) {
	const headers = new Headers();
	if (body !== undefined) headers.set("content-type", "application/json");
	if (as.cookie) headers.set("cookie", as.cookie);
	if (as.apiKey) headers.set("authorization", `Bearer ${as.apiKey}`);
	if (as.origin !== null && method !== "GET")
		headers.set("origin", as.origin ?? (as.https ? ORIGIN.replace("http:", "https:") : ORIGIN));
	headers.set("cf-connecting-ip", as.ip ?? "203.0.113.7");
	const base = as.https ? ORIGIN.replace("http:", "https:") : ORIGIN;
	const request = new Request(`${base}${path}`, {
		method,
		headers,
		body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
	});
	const res = await (as.via ? as.via(request) : exports.default.fetch(request));
	const text = await res.text();
	// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies of many shapes
	let json: any = null;
	try {
		json = text ? JSON.parse(text) : null;
	} catch {
		json = null;
	}
	return { status: res.status, headers: res.headers, text, json, error: json?.error };
}

let counter = 0;
export const uniqueEmail = (label = "user") => `${label}-${Date.now().toString(36)}-${++counter}@example.com`;
const uniqueIp = () => `198.51.100.${(counter % 250) + 1}`;

export const PASSWORD = "correct horse battery";

/** Signs up a fresh owner with a fresh workspace; returns the session cookie. */
export async function signupOwner(workspaceName = "Acme") {
	const email = uniqueEmail("owner");
	const res = await call(
		"POST",
		"/api/v1/auth/signup",
		{ email, password: PASSWORD, name: "Olive Owner", workspace_name: workspaceName },
		{ ip: uniqueIp() },
	);
	if (res.status !== 201) throw new Error(`signup failed: ${res.text}`);
	return { email, cookie: sessionCookie(res.headers), user: res.json.user, workspace: res.json.workspace };
}

export function sessionCookie(headers: Headers): string {
	const set = headers.get("set-cookie") ?? "";
	const match = /pulse_session=([^;]+)/.exec(set);
	if (!match) throw new Error(`no session cookie in ${set}`);
	return `pulse_session=${match[1]}`;
}

export async function createKey(cookie: string, role: string, name = `${role} key`) {
	const res = await call("POST", "/api/v1/api-keys", { name, role }, { cookie });
	if (res.status !== 201) throw new Error(`key creation failed: ${res.text}`);
	return res.json as { id: string; key: string; role: string };
}

/** Adds a user with the given role to the owner's workspace (invite, then signup with the invitation). */
export async function addMember(ownerCookie: string, role: string) {
	const email = uniqueEmail(role);
	const invite = await call("POST", "/api/v1/members", { email, role }, { cookie: ownerCookie });
	if (invite.status !== 201) throw new Error(`invite failed: ${invite.text}`);
	const token = String(invite.json.invite_url).split("/invite/")[1];
	const res = await call(
		"POST",
		"/api/v1/auth/signup",
		{ email, password: PASSWORD, name: `${role} person`, invite_token: token },
		{ ip: uniqueIp() },
	);
	if (res.status !== 201) throw new Error(`invited signup failed: ${res.text}`);
	const members = await call("GET", "/api/v1/members", undefined, { cookie: ownerCookie });
	const member = members.json.data.find((m: { email: string }) => m.email === email);
	return { email, cookie: sessionCookie(res.headers), memberId: member.id as string };
}

export { env };
