// `npm run bench [name...]`: runs the benchmarks in this folder (all by default).
import { execFileSync } from "node:child_process";
import path from "node:path";

const ALL = ["api-auth", "contacts", "send"];
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : ALL;
for (const name of chosen) {
	console.log(`\n=== ${name} ===`);
	execFileSync(process.execPath, [path.join(import.meta.dirname, `${name}.mjs`)], { stdio: "inherit" });
}
