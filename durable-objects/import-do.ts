import { DurableObject } from "cloudflare:workers";
import { countRows } from "../worker/domain/csv/reader";
import { failImport, type ImportJob, runImportStep } from "../worker/services/import-step";

const CHUNK_CHARS = 256 * 1024;
const STEP_BUDGET_MS = 1_000;
const MAX_FAILURES = 5;

type StoredJob = ImportJob & { chunks: number; bodyOffset: number; failures: number };

/**
 * One per CSV import: keeps the uploaded file in its own storage and works through it in
 * steps on alarms, so a 100,000-row file never meets a single request's CPU or memory limits.
 * Progress and results live in D1 (`imports`), where the API reads them.
 */
export class ImportDO extends DurableObject<Env> {
	private text: string | null = null;

	async start(job: ImportJob, text: string, bodyOffset: number): Promise<void> {
		const chunks = Math.ceil(text.length / CHUNK_CHARS);
		for (let i = 0; i < chunks; i++)
			await this.ctx.storage.put(`chunk:${i}`, text.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS));
		await this.ctx.storage.put("job", { ...job, chunks, bodyOffset, failures: 0 } satisfies StoredJob);
		this.text = text;
		const total = countRows(text, { offset: bodyOffset, delimiter: job.delimiter });
		await this.env.DB.prepare("UPDATE imports SET total_rows = ? WHERE id = ?").bind(total, job.importId).run();
		await this.ctx.storage.setAlarm(Date.now());
	}

	override async alarm(): Promise<void> {
		const job = await this.ctx.storage.get<StoredJob>("job");
		if (!job) return;
		try {
			const text = await this.loadText(job);
			const started = Date.now();
			let done = false;
			while (!done && Date.now() - started < STEP_BUDGET_MS) done = (await runImportStep(this.env.DB, job, text)).done;
			if (done) await this.finish();
			else await this.ctx.storage.setAlarm(Date.now());
		} catch (error) {
			const failures = job.failures + 1;
			console.error(JSON.stringify({ import_id: job.importId, failures, error: String(error) }));
			if (failures >= MAX_FAILURES) {
				await failImport(
					this.env.DB,
					job.importId,
					"The import stopped after repeated errors; rows before the failure were imported",
				);
				await this.finish();
				return;
			}
			await this.ctx.storage.put("job", { ...job, failures });
			await this.ctx.storage.setAlarm(Date.now() + 1000 * 2 ** failures);
		}
	}

	private async loadText(job: StoredJob): Promise<string> {
		if (this.text !== null) return this.text;
		const keys = Array.from({ length: job.chunks }, (_, i) => `chunk:${i}`);
		const stored = await this.ctx.storage.get<string>(keys);
		this.text = keys.map((k) => stored.get(k) ?? "").join("");
		return this.text;
	}

	private async finish() {
		this.text = null;
		await this.ctx.storage.deleteAll();
	}
}
