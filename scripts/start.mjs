// `npm start`: build the dashboard, migrate the local D1 database, seed a demo workspace
// when the database is empty, and serve everything on http://127.0.0.1:8787 (offline).
// Quiet: each step prints one line; the tools' own output goes to a log file, shown only when a step fails.
// /health answers 200 only once the demo workspace is seeded, and the demo login is printed last.
// Options (after `npm start --`): `--port <n>` (or PORT), `--persist-to <dir>` (local state elsewhere
// than .wrangler/state), `--var NAME:VALUE` (repeatable, passed to wrangler dev), `--skip-build`.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { seedDemoData } from "./demo-data.mjs";
import { ensureDevVars, OFFLINE_ENV, ROOT, WRANGLER } from "./local-env.mjs";

const { values: options } = parseArgs({
	options: {
		port: { type: "string" },
		"persist-to": { type: "string" },
		var: { type: "string", multiple: true },
		"skip-build": { type: "boolean" },
	},
});
const PORT = Number(options.port ?? process.env.PORT ?? 8787);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const PERSIST_DIR = options["persist-to"] ? path.resolve(options["persist-to"]) : null;
/** Where wrangler keeps local state: its default unless `--persist-to` names a directory. */
const PERSIST_ARGS = PERSIST_DIR ? ["--persist-to", PERSIST_DIR] : [];
const VARS = options.var ?? [];
const STATE_DIR = PERSIST_DIR ?? path.join(ROOT, ".wrangler");
const DEMO_FILE = path.join(STATE_DIR, "demo-login.json");
/** Everything the tools print (build, migrations, wrangler dev) goes here; shown when something fails. */
const LOG_FILE = path.join(STATE_DIR, "pulse-start.log");
const STARTUP_TIMEOUT_MS = 120_000;

mkdirSync(STATE_DIR, { recursive: true });
writeFileSync(LOG_FILE, `npm start ${new Date().toISOString()}\n`);

const step = (text) => console.log(`  ${text}`);

function logTail(lines = 40) {
	return readFileSync(LOG_FILE, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

function fail(message) {
	console.error(`\n  ${message}\n  Last lines of ${path.relative(process.cwd(), LOG_FILE)}:\n\n${logTail()}\n`);
	process.exit(1);
}

/** Runs a tool to completion, its output into the log; on failure shows the log and stops. */
function run(what, cmd, args) {
	try {
		const output = execFileSync(cmd, args, { cwd: ROOT, env: OFFLINE_ENV, encoding: "utf8", stdio: "pipe" });
		appendFileSync(LOG_FILE, output);
		return output;
	} catch (error) {
		appendFileSync(LOG_FILE, `${error.stdout ?? ""}${error.stderr ?? ""}`);
		fail(`${what} failed.`);
	}
}

console.log("\n  Starting Pulse…");
// A TOKEN_SECRET given on the command line needs no .dev.vars.
if (!VARS.some((v) => v.startsWith("TOKEN_SECRET:")) && ensureDevVars())
	step("Created .dev.vars with a fresh TOKEN_SECRET (see .dev.vars.example).");
if (!options["skip-build"]) {
	step("Building the dashboard…");
	run("Building the dashboard", path.join(ROOT, "node_modules", ".bin", "vite"), ["build", "--logLevel", "warn"]);
}
step("Preparing the local database…");
run("Applying the database migrations", WRANGLER, ["d1", "migrations", "apply", "DB", "--local", ...PERSIST_ARGS]);
const count = JSON.parse(
	run("Reading the local database", WRANGLER, [
		"d1",
		"execute",
		"DB",
		"--local",
		...PERSIST_ARGS,
		"--json",
		"--command",
		"select count(*) as n from workspaces",
	]),
);
const empty = count[0]?.results?.[0]?.n === 0;
/** While the demo workspace is seeded, /health answers 503 (worker/routes/health.ts). */
const gate = empty ? randomBytes(18).toString("base64url") : null;

const devArgs = ["dev", "--local", "--ip", "127.0.0.1", "--port", String(PORT), ...PERSIST_ARGS];
for (const v of VARS) devArgs.push("--var", v);
if (gate) devArgs.push("--var", `STARTUP_GATE:${gate}`);
devArgs.push("--show-interactive-dev-session=false");
step(`Starting the server on ${BASE_URL}…`);
const log = openSync(LOG_FILE, "a");
const server = spawn(WRANGLER, devArgs, { cwd: ROOT, env: OFFLINE_ENV, stdio: ["ignore", log, log] });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
let started = false;
server.on("exit", (code) => {
	if (!started || (code !== 0 && code !== null)) fail(`The server stopped (exit code ${code}).`);
	process.exit(code ?? 0);
});

/** Waits until the server answers /health at all (503 while seeding counts) or, with `ok`, answers 200. */
async function waitForServer(ok) {
	const deadline = Date.now() + STARTUP_TIMEOUT_MS;
	while (Date.now() < deadline) {
		try {
			const res = await fetch(`${BASE_URL}/health`, { signal: AbortSignal.timeout(2_000) });
			if (res.ok || (!ok && res.status === 503)) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 300));
	}
	server.kill("SIGTERM");
	fail(`Pulse did not answer ${BASE_URL}/health within ${STARTUP_TIMEOUT_MS / 1000}s.`);
}

await waitForServer(false);
if (gate) {
	step("Seeding the demo workspace…");
	try {
		await seedDemo();
		const opened = await fetch(`${BASE_URL}/health`, { method: "POST", headers: { "x-startup-gate": gate } });
		if (!opened.ok) throw new Error(`POST /health answered ${opened.status}`);
	} catch (error) {
		appendFileSync(LOG_FILE, `${error.stack ?? error}\n`);
		server.kill("SIGTERM");
		fail("Seeding the demo workspace failed.");
	}
}
await waitForServer(true);
started = true;
printWelcome();

async function api(method, route, body, cookie) {
	const res = await fetch(`${BASE_URL}${route}`, {
		method,
		headers: { "content-type": "application/json", origin: BASE_URL, ...(cookie ? { cookie } : {}) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!res.ok) throw new Error(`${method} ${route} failed: ${res.status} ${await res.text()}`);
	return res;
}

async function seedDemo() {
	const login = { email: "demo@pulse.local", password: `demo-${randomBytes(9).toString("base64url")}` };
	const signup = await api("POST", "/api/v1/auth/signup", {
		...login,
		name: "Demo Owner",
		workspace_name: "Demo Workspace",
	});
	const cookie = (signup.headers.get("set-cookie") ?? "").split(";")[0];
	await api(
		"PATCH",
		"/api/v1/workspace",
		{
			postal_address: "Pulse Demo Co., 1 Example Street, 10115 Berlin, Germany",
			default_from_name: "Pulse Demo",
			default_from_email: "hello@demo.pulse.local",
		},
		cookie,
	);
	await seedDemoData((method, route, body) => api(method, route, body, cookie));
	writeFileSync(DEMO_FILE, JSON.stringify(login, null, 2), { mode: 0o600 });
}

function printWelcome() {
	const login = existsSync(DEMO_FILE) ? JSON.parse(readFileSync(DEMO_FILE, "utf8")) : null;
	console.log(`\n  Pulse is running at ${BASE_URL}`);
	console.log(`  API reference: ${BASE_URL}/api/docs`);
	console.log(`  Server log: ${path.relative(process.cwd(), LOG_FILE)}   (Ctrl+C stops Pulse)`);
	if (login) console.log(`\n  Demo login: ${login.email} / ${login.password}\n`);
	else console.log("");
}
