// Runs commands at the same time (`node scripts/parallel.mjs "cmd 1" "cmd 2" …`), each command's output shown in one
// piece when it ends, and fails if any of them fails. `npm test` runs the typecheckers, the linter and the dashboard
// build this way: each is mostly one thread, so together they keep both cores of a small CI machine busy.
import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const commands = process.argv.slice(2);
if (commands.length === 0) {
	console.error('usage: node scripts/parallel.mjs "command" ["command" …]');
	process.exit(2);
}

/** Runs one command through the shell with node_modules/.bin on the PATH, as npm scripts are. */
function run(command) {
	const started = Date.now();
	return new Promise((resolve) => {
		const child = spawn(command, {
			cwd: ROOT,
			shell: true,
			stdio: ["ignore", "pipe", "pipe"],
			env: { ...process.env, PATH: `${path.join(ROOT, "node_modules", ".bin")}${path.delimiter}${process.env.PATH}` },
		});
		let output = "";
		child.stdout.on("data", (chunk) => {
			output += chunk;
		});
		child.stderr.on("data", (chunk) => {
			output += chunk;
		});
		const done = (code) => {
			const seconds = ((Date.now() - started) / 1000).toFixed(1);
			const verdict = code === 0 ? "ok" : `FAILED (exit ${code})`;
			const shown = output.trimEnd();
			process.stdout.write(`\n> ${command}: ${verdict} in ${seconds}s\n${shown ? `${shown}\n` : ""}`);
			resolve(code === 0);
		};
		child.on("error", (error) => {
			output += `${error.stack ?? error}\n`;
			done(1);
		});
		child.on("close", (code, signal) => done(code ?? (signal ? 1 : 0)));
	});
}

const results = await Promise.all(commands.map(run));
const failed = commands.filter((_, i) => !results[i]);
if (failed.length > 0) {
	console.error(`\nFailed: ${failed.join("; ")}`);
	process.exit(1);
}
