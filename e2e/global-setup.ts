import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { FAKE_API_KEY, startFakeOpenAI } from "../scripts/fake-openai.mjs";
import { startFakeResend } from "../scripts/fake-resend.mjs";

declare module "vitest" {
	export interface ProvidedContext {
		baseUrl: string;
		/** The fake OpenAI-compatible model server the assistant talks to (scripts/fake-openai.mjs). */
		fakeOpenAiUrl: string;
		/**
		 * The fake Resend server (scripts/fake-resend.mjs) at RESEND_BASE_URL. No RESEND_API_KEY is set, so every
		 * workspace is in test mode (the Outbox) unless an owner connects its own key.
		 */
		fakeResendUrl: string;
	}
}

const ROOT = path.resolve(import.meta.dirname, "..");
const STARTUP_TIMEOUT_MS = 90_000;
const ENV = {
	...process.env,
	WRANGLER_SEND_METRICS: "false",
	CLOUDFLARE_CF_FETCH_ENABLED: "false",
	NO_COLOR: "1",
	CI: "1",
};

/** Runs a command to completion, keeping its output for the error message. */
function run(command: string, args: string[]): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd: ROOT, env: ENV, stdio: ["ignore", "pipe", "pipe"] });
		let output = "";
		child.stdout.on("data", (chunk) => {
			output += chunk;
		});
		child.stderr.on("data", (chunk) => {
			output += chunk;
		});
		child.on("error", reject);
		child.on("close", (code) =>
			code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${output}`)),
		);
	});
}

/** `npm test` builds first; a direct `vitest --project e2e` needs the dashboard built too. */
function needsBuild(): boolean {
	const index = path.join(ROOT, "dist", "index.html");
	if (!existsSync(index)) return true;
	return !readFileSync(index, "utf8").includes('type="module"');
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on("error", reject);
		server.listen(0, "127.0.0.1", () => {
			const address = server.address();
			const port = typeof address === "object" && address ? address.port : 0;
			server.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
		});
	});
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
	const deadline = Date.now() + STARTUP_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output()}`);
		try {
			const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	throw new Error(`wrangler dev did not answer ${url}/health within ${STARTUP_TIMEOUT_MS / 1000}s:\n${output()}`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined || child.exitCode !== null) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}

/** Builds the dashboard if needed, starts `wrangler dev` on a fresh local database and provides its URL. */
export default async function setup({ provide }: TestProject) {
	if (needsBuild()) await run("npx", ["vite", "build"]);
	const persistDir = mkdtempSync(path.join(tmpdir(), "pulse-e2e-"));
	await run("npx", ["wrangler", "d1", "migrations", "apply", "DB", "--local", "--persist-to", persistDir]);

	const fakeOpenAi = await startFakeOpenAI();
	const fakeResend = await startFakeResend({ rateLimitPerSecond: null });
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(
		"npx",
		[
			"wrangler",
			"dev",
			"--local",
			"--ip",
			"127.0.0.1",
			"--port",
			String(port),
			"--persist-to",
			persistDir,
			"--var",
			"TOKEN_SECRET:e2e-secret-0123456789abcdef",
			"--var",
			`AI_BASE_URL:${fakeOpenAi.url}/v1`,
			"--var",
			`AI_API_KEY:${FAKE_API_KEY}`,
			"--var",
			"AI_MODEL:fake-model",
			"--var",
			`RESEND_BASE_URL:${fakeResend.url}`,
			"--show-interactive-dev-session=false",
		],
		{ cwd: ROOT, env: ENV, stdio: ["ignore", "pipe", "pipe"], detached: true },
	);
	let output = "";
	const keep = (chunk: Buffer) => {
		output = (output + chunk.toString()).slice(-20_000);
	};
	child.stdout?.on("data", keep);
	child.stderr?.on("data", keep);

	const teardown = async () => {
		killGroup(child, "SIGTERM");
		await Promise.race([
			new Promise((resolve) => child.once("exit", resolve)),
			new Promise((resolve) => setTimeout(resolve, 5_000)),
		]);
		killGroup(child, "SIGKILL");
		await fakeOpenAi.close();
		await fakeResend.close();
		rmSync(persistDir, { recursive: true, force: true });
	};

	try {
		await waitForHealth(url, child, () => output);
	} catch (error) {
		await teardown();
		throw error;
	}
	if (process.env.E2E_VERBOSE) child.stdout?.pipe(process.stdout);
	provide("baseUrl", url);
	provide("fakeOpenAiUrl", fakeOpenAi.url);
	provide("fakeResendUrl", fakeResend.url);
	return teardown;
}
