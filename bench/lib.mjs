// Helpers shared by the benchmarks: a signed-in client against a fresh local Pulse.

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

export async function signIn(baseUrl, email = "bench@pulse.local") {
	const headers = { "content-type": "application/json", origin: baseUrl };
	const res = await fetch(`${baseUrl}/api/v1/auth/signup`, {
		method: "POST",
		headers,
		body: JSON.stringify({ email, password: "bench-password-1", name: "Bench", workspace_name: "Bench" }),
	});
	const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
	const api = async (method, path, body, extra = {}) => {
		const r = await fetch(`${baseUrl}${path}`, {
			method,
			headers: { ...headers, cookie, ...extra },
			body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
		});
		const text = await r.text();
		if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text.slice(0, 300)}`);
		return text ? JSON.parse(text) : null;
	};
	return { cookie, api };
}

/** Resident memory of the workerd processes (current and peak), from /proc. */
export function workerdMemory() {
	let pids = [];
	try {
		pids = execFileSync("pgrep", ["-f", "workerd serve"], { encoding: "utf8" }).trim().split("\n").filter(Boolean);
	} catch {
		return null;
	}
	let rss = 0;
	let peak = 0;
	for (const pid of pids) {
		const status = readFileSync(`/proc/${pid}/status`, "utf8");
		rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
		peak += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
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
