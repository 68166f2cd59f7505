// `npm run bench [name...]`: runs the benchmarks in this folder (all by default).
import { execFileSync } from "node:child_process";
import path from "node:path";

const ALL = ["api-auth", "bundle", "contacts", "journeys", "send", "tracking"];
// Node 20 has WebSocket behind a flag (the tracking bench listens on the live socket).
const NODE_FLAGS = Number(process.versions.node.split(".")[0]) < 22 ? ["--experimental-websocket"] : [];
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : ALL;
for (const name of chosen) {
	console.log(`\n=== ${name} ===`);
	execFileSync(process.execPath, [...NODE_FLAGS, path.join(import.meta.dirname, `${name}.mjs`)], { stdio: "inherit" });
}
