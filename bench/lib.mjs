// Helpers shared by the benchmarks: a signed-in client against a fresh local Pulse.

import { readdirSync, readFileSync } from "node:fs";

/** Reads (GETs) are asked again when they get no answer in time; writes never are. */
const READ_TIMEOUT_MS = 30_000;
const READ_ATTEMPTS = 4;

export async function signIn(baseUrl, email = "bench@pulse.local") {
	const headers = { "content-type": "application/json", origin: baseUrl };
	const res = await fetch(`${baseUrl}/api/v1/auth/signup`, {
		method: "POST",
		headers,
		body: JSON.stringify({ email, password: "bench-password-1", name: "Bench", workspace_name: "Bench" }),
	});
	const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
	const request = (method, path, body, extra) =>
		fetch(`${baseUrl}${path}`, {
			method,
			headers: { ...headers, cookie, ...extra },
			body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
			// A progress read must not wait forever on a connection that will never answer.
			signal: method === "GET" ? AbortSignal.timeout(READ_TIMEOUT_MS) : undefined,
		});
	const api = async (method, path, body, extra = {}) => {
		let r;
		for (let attempt = 1; ; attempt++) {
			try {
				r = await request(method, path, body, extra);
				break;
			} catch (error) {
				if (method !== "GET" || attempt >= READ_ATTEMPTS) throw error;
				console.warn(
					`  (${method} ${path} gave no answer in ${READ_TIMEOUT_MS / 1000} s: ${error.name}; asking again)`,
				);
			}
		}
		const text = await r.text();
		if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text.slice(0, 300)}`);
		return text ? JSON.parse(text) : null;
	};
	return { cookie, api };
}

function descendants(rootPid) {
	const parents = new Map();
	for (const entry of readdirSync("/proc")) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
			parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
		} catch {
			// the process ended while we looked
		}
	}
	const found = [];
	const walk = (pid) => {
		for (const [child, parent] of parents) {
			if (parent !== pid) continue;
			found.push(child);
			walk(child);
		}
	};
	walk(rootPid);
	return found;
}

/** Resident memory (now, and the peak so far) of the workerd processes under a local server. */
export function workerdMemory(serverPid) {
	let rss = 0;
	let peak = 0;
	for (const pid of descendants(serverPid)) {
		try {
			const status = readFileSync(`/proc/${pid}/status`, "utf8");
			if (!/^Name:\s+workerd/m.test(status)) continue;
			rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
			peak += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
		} catch {
			// gone
		}
	}
	return { rssMb: rss / 1024, peakMb: peak / 1024 };
}

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function timeIt(fn, runs = 5) {
	const times = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		await fn();
		times.push(performance.now() - t);
	}
	return median(times);
}
