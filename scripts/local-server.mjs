// Starts Pulse under `wrangler dev` on a free port with its own fresh local state:
// used by the browser tests and the benchmarks so they never touch the developer's data.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { OFFLINE_ENV, ROOT, WRANGLER, waitForHealth } from "./local-env.mjs";

export async function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on("error", reject);
		server.listen(0, "127.0.0.1", () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** @param {{ vars?: Record<string, string> }} [options] */
export async function startLocalServer(options = {}) {
	const persistTo = mkdtempSync(path.join(tmpdir(), "pulse-state-"));
	execFileSync(WRANGLER, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo], {
		cwd: ROOT,
		env: OFFLINE_ENV,
		stdio: "pipe",
	});
	const port = await freePort();
	const vars = { TOKEN_SECRET: "local-test-secret-0123456789abcdef", ...options.vars };
	const args = ["dev", "--local", "--ip", "127.0.0.1", "--port", String(port), "--persist-to", persistTo];
	for (const [name, value] of Object.entries(vars)) args.push("--var", `${name}:${value}`);
	const child = spawn(WRANGLER, args, {
		cwd: ROOT,
		env: OFFLINE_ENV,
		stdio: ["ignore", "pipe", "pipe"],
		detached: true,
	});
	let output = "";
	child.stdout.on("data", (d) => {
		output += d;
	});
	child.stderr.on("data", (d) => {
		output += d;
	});
	const baseUrl = `http://127.0.0.1:${port}`;
	const stop = () => {
		try {
			process.kill(-child.pid, "SIGTERM");
		} catch {
			// already gone
		}
		rmSync(persistTo, { recursive: true, force: true });
	};
	// Never leave a workerd behind, even when the caller is interrupted.
	process.once("exit", stop);
	for (const signal of ["SIGINT", "SIGTERM"]) {
		process.once(signal, () => {
			stop();
			process.exit(130);
		});
	}
	try {
		await waitForHealth(baseUrl);
	} catch (error) {
		stop();
		throw new Error(`${error.message}\n--- wrangler output ---\n${output}`);
	}
	return { baseUrl, pid: child.pid, stop, output: () => output };
}
