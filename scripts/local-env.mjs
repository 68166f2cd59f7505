// Shared by `npm start` and the e2e harness: how to run wrangler offline, and the local secrets file.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");
export const WRANGLER = path.join(ROOT, "node_modules", ".bin", "wrangler");
export const OFFLINE_ENV = {
	...process.env,
	WRANGLER_SEND_METRICS: "false",
	CLOUDFLARE_CF_FETCH_ENABLED: "false",
	NO_COLOR: "1",
};

/** Creates .dev.vars from .dev.vars.example with fresh random secrets, unless it exists. */
export function ensureDevVars() {
	const target = path.join(ROOT, ".dev.vars");
	if (existsSync(target)) return false;
	const example = readFileSync(path.join(ROOT, ".dev.vars.example"), "utf8");
	const filled = example.replace(/^TOKEN_SECRET=.*$/m, `TOKEN_SECRET=${randomBytes(32).toString("base64url")}`);
	writeFileSync(target, filled, { mode: 0o600 });
	return true;
}

export async function waitForHealth(baseUrl, timeoutMs = 90_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			const res = await fetch(`${baseUrl}/health`);
			if (res.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 300));
	}
	throw new Error(`Pulse did not answer ${baseUrl}/health within ${timeoutMs / 1000}s`);
}
