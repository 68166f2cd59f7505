// What the dashboard's first page after login costs to download: builds the app into a temporary folder
// (dist/ is left alone) and, from Vite's manifest, adds up the gzip size of the JS and CSS that the Overview
// loads (the entry chunk, the Shell and Overview route chunks, everything they import statically, and their CSS).
// Also prints the largest lazy chunk, the heaviest file any other page makes the browser fetch.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";

/** The first page after login is the Overview inside the Shell (see app/src/App.tsx). */
const FIRST_ROUTE = ["src/pages/shell/Shell.tsx", "src/pages/Overview.tsx"];
const BUDGET_KB = 80;

const root = path.resolve(import.meta.dirname, "..");
const outDir = mkdtempSync(path.join(tmpdir(), "pulse-bundle-"));
try {
	await build({
		configFile: path.join(root, "vite.config.ts"),
		logLevel: "error",
		build: { outDir, emptyOutDir: true, manifest: true },
	});
	const manifest = JSON.parse(readFileSync(path.join(outDir, ".vite/manifest.json"), "utf8"));
	const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
	if (!entry) throw new Error("the manifest has no entry chunk");
	for (const key of FIRST_ROUTE) if (!manifest[key]) throw new Error(`the manifest has no chunk for ${key}`);

	// Every chunk the first route needs: the roots and, transitively, their static imports.
	const chunks = new Set();
	const visit = (key) => {
		if (chunks.has(key)) return;
		chunks.add(key);
		for (const dep of manifest[key].imports ?? []) visit(dep);
	};
	for (const key of [entry, ...FIRST_ROUTE]) visit(key);
	const files = new Set();
	for (const key of chunks) {
		files.add(manifest[key].file);
		for (const css of manifest[key].css ?? []) files.add(css);
	}

	const gzipKb = (file) => gzipSync(readFileSync(path.join(outDir, file)), { level: 9 }).length / 1024;
	const sized = [...files].map((file) => ({ file, kb: gzipKb(file) })).sort((a, b) => b.kb - a.kb);
	const total = sized.reduce((sum, f) => sum + f.kb, 0);

	const lazy = Object.values(manifest)
		.filter((chunk) => chunk.file.endsWith(".js") && !files.has(chunk.file))
		.map((chunk) => ({ file: chunk.file, kb: gzipKb(chunk.file) }))
		.sort((a, b) => b.kb - a.kb);

	console.log(`first route after login (Overview in the Shell): ${sized.length} files`);
	for (const f of sized) console.log(`  ${f.kb.toFixed(2).padStart(8)} KB  ${f.file}`);
	console.log(`first route total: ${total.toFixed(1)} KB gzip (JS + CSS; budget ${BUDGET_KB} KB)`);
	if (lazy[0]) console.log(`largest lazy chunk: ${lazy[0].kb.toFixed(1)} KB gzip (${lazy[0].file})`);
	if (total > BUDGET_KB) {
		console.error(`over budget by ${(total - BUDGET_KB).toFixed(1)} KB`);
		process.exitCode = 1;
	}
} finally {
	rmSync(outDir, { recursive: true, force: true });
}
