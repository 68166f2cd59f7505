// `npm start`: build the dashboard, migrate the local D1 database, seed a demo workspace
// when the database is empty, and serve everything on http://127.0.0.1:8787 (offline).
// Options (after `npm start --`): `--port <n>` (or PORT), `--persist-to <dir>` (local state elsewhere
// than .wrangler/state), `--var NAME:VALUE` (repeatable, passed to wrangler dev), `--skip-build`.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { seedDemoData } from "./demo-data.mjs";
import { ensureDevVars, OFFLINE_ENV, ROOT, WRANGLER, waitForHealth } from "./local-env.mjs";

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
const DEMO_FILE = path.join(PERSIST_DIR ?? path.join(ROOT, ".wrangler"), "demo-login.json");

const run = (cmd, args) =>
	execFileSync(cmd, args, { cwd: ROOT, env: OFFLINE_ENV, stdio: ["ignore", "inherit", "inherit"] });

// A TOKEN_SECRET given on the command line needs no .dev.vars.
if (!VARS.some((v) => v.startsWith("TOKEN_SECRET:")) && ensureDevVars())
	console.log("Created .dev.vars with a fresh TOKEN_SECRET (see .dev.vars.example).");
if (!options["skip-build"]) run(path.join(ROOT, "node_modules", ".bin", "vite"), ["build", "--logLevel", "warn"]);
run(WRANGLER, ["d1", "migrations", "apply", "DB", "--local", ...PERSIST_ARGS]);

const count = JSON.parse(
	execFileSync(
		WRANGLER,
		["d1", "execute", "DB", "--local", ...PERSIST_ARGS, "--json", "--command", "select count(*) as n from workspaces"],
		{
			cwd: ROOT,
			env: OFFLINE_ENV,
			encoding: "utf8",
		},
	),
);
const empty = count[0]?.results?.[0]?.n === 0;

const devArgs = ["dev", "--local", "--ip", "127.0.0.1", "--port", String(PORT), ...PERSIST_ARGS];
for (const v of VARS) devArgs.push("--var", v);
const server = spawn(WRANGLER, devArgs, { cwd: ROOT, env: OFFLINE_ENV, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

await waitForHealth(BASE_URL);
if (empty) await seedDemo();
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
	mkdirSync(path.dirname(DEMO_FILE), { recursive: true });
	writeFileSync(DEMO_FILE, JSON.stringify(login, null, 2), { mode: 0o600 });
}

function printWelcome() {
	const login = existsSync(DEMO_FILE) ? JSON.parse(readFileSync(DEMO_FILE, "utf8")) : null;
	console.log(`\n  Pulse is running at ${BASE_URL}`);
	if (login) console.log(`  Demo login: ${login.email} / ${login.password}`);
	console.log(`  API reference: ${BASE_URL}/api/docs\n`);
}
