import { DurableObject } from "cloudflare:workers";
import { createDb } from "../worker/db/client";
import { heldEventStore } from "../worker/db/import-held-events";
import { pieceStore } from "../worker/db/import-pieces";
import { importCursor, setTotalRows } from "../worker/db/imports";
import { IMPORT_LIMITS } from "../worker/domain/csv/limits";
import { type CsvFile, countRows } from "../worker/domain/csv/window";
import { notifyImportFinished } from "../worker/services/event-notifications";
import { failImport, type ImportJob, runImportStep } from "../worker/services/import-step";
import { enqueueWebhookEvents, eventFromJson } from "../worker/services/outbound-webhooks";
import { announceImportCompleted } from "../worker/services/webhook-emitters";

const STEP_BUDGET_MS = 1_000;
const MAX_FAILURES = 5;
/** A file whose hand-off never finished is dropped after this long. */
const ABANDONED_MS = 15 * 60 * 1000;
/** Webhook events the queue refuses are tried this often (backoff up to an hour: about a day), then given up, logged. */
const MAX_SEND_TRIES = 30;
const MAX_SEND_DELAY_MS = 3600_000;

type StoredJob = ImportJob & {
	size: number;
	counted: boolean;
	failures: number;
	/** Finished and its uploader told: what is left is its webhook events (held ones, then `import.completed`). */
	settling?: true;
	/** How many times the queue refused them since. */
	sendTries?: number;
};
export type StartResult = { ok: true } | { ok: false; reason: string };

/**
 * One per CSV import: keeps the uploaded file (normalized UTF-8) in its SQLite storage in
 * pieces of at most 1 MiB and works through it in steps on alarms, reading a window of about
 * 1 MiB per step, so a 30 MB file never meets a single call's CPU, memory or RPC limits.
 * Progress and results live in D1 (`imports`), where the API reads them.
 */
export class ImportDO extends DurableObject<Env> {
	/** Stores one part of the file, starting at byte `at`; parts arrive in calls of at most 4 MiB. */
	async receive(at: number, part: ArrayBuffer): Promise<void> {
		const pieces = this.pieces();
		const bytes = new Uint8Array(part);
		for (let i = 0; i < bytes.byteLength; i += IMPORT_LIMITS.pieceBytes)
			pieces.put(at + i, bytes.slice(i, i + IMPORT_LIMITS.pieceBytes).buffer);
		if (!(await this.ctx.storage.get("job"))) await this.ctx.storage.setAlarm(Date.now() + ABANDONED_MS);
	}

	/** Starts the import once every byte of the file has arrived. */
	async start(job: ImportJob, size: number): Promise<StartResult> {
		const received = this.pieces().bytes();
		if (received !== size) return { ok: false, reason: `received ${received} of ${size} bytes` };
		await this.ctx.storage.put("job", { ...job, size, counted: false, failures: 0 } satisfies StoredJob);
		await this.ctx.storage.setAlarm(Date.now());
		return { ok: true };
	}

	override async alarm(): Promise<void> {
		let job = await this.ctx.storage.get<StoredJob>("job");
		if (!job) return this.finish();
		if (job.settling) return this.settle(job);
		// What a crash or a refused enqueue left held goes first; a queue still down never stalls the import (the
		// finished import's settling tries again until it is taken).
		const { importId } = job;
		await this.enqueueHeld(job).catch((error) =>
			console.error(JSON.stringify({ import_id: importId, error: `held events not enqueued: ${String(error)}` })),
		);
		try {
			const file = this.file(job.size);
			if (!job.counted) {
				const total = countRows(file, { offset: job.bodyOffset, line: job.bodyLine, delimiter: job.delimiter });
				await setTotalRows(createDb(this.env.DB), job.importId, total);
				job = { ...job, counted: true };
				await this.ctx.storage.put("job", job);
			}
			const started = Date.now();
			let done = false;
			while (!done && Date.now() - started < STEP_BUDGET_MS)
				done = (await runImportStep(this.env, job, file, this.held())).done;
			if (done) await this.settle(job);
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
				return this.settle({ ...job, failures });
			}
			await this.ctx.storage.put("job", { ...job, failures });
			await this.ctx.storage.setAlarm(Date.now() + 1000 * 2 ** failures);
		}
	}

	/**
	 * A finished import tells its uploader, then its webhook endpoints (what its steps still hold, then
	 * `import.completed`), and only then forgets the job. What the queue refuses is tried again on a later alarm (the
	 * uploader is not told twice); a crash right after the import's last commit reruns that step, which finds it done
	 * and settles. Delivery ids are fixed per import, event and endpoint, so a repeat is never a second delivery.
	 */
	private async settle(finished: StoredJob): Promise<void> {
		const job: StoredJob = { ...finished, settling: true };
		if (!finished.settling) await notifyImportFinished(this.env, job.workspaceId, job.importId);
		try {
			await this.enqueueHeld(job);
			await announceImportCompleted(this.env, job.workspaceId, job.importId);
		} catch (error) {
			if (!(await this.sendLater(job, error))) return;
		}
		await this.finish();
	}

	/**
	 * Sends the events earlier steps hold whose commit happened (the D1 cursor is past them), forgetting those of a
	 * step that never committed (it runs again). Throws when the queue refuses them (they stay held).
	 */
	private async enqueueHeld(job: StoredJob): Promise<void> {
		const held = this.held();
		if (!held.any()) return;
		const upTo = (await importCursor(createDb(this.env.DB), job.importId))?.offset ?? -1;
		await enqueueWebhookEvents(this.env, job.workspaceId, held.committed(upTo).map(eventFromJson));
		held.releaseUpTo(upTo);
	}

	/** The queue refused the import's events: another alarm later, or (after MAX_SEND_TRIES) given up; answers which. */
	private async sendLater(job: StoredJob, error: unknown): Promise<boolean> {
		const tries = (job.sendTries ?? 0) + 1;
		const giveUp = tries >= MAX_SEND_TRIES;
		const what = `webhook events not enqueued${giveUp ? ", given up" : ""}: ${String(error)}`;
		console.error(JSON.stringify({ import_id: job.importId, tries, error: what }));
		if (giveUp) {
			this.held().releaseUpTo(Number.MAX_SAFE_INTEGER);
			await this.ctx.storage.put("job", { ...job, sendTries: 0 } satisfies StoredJob);
			return true;
		}
		await this.ctx.storage.put("job", { ...job, sendTries: tries } satisfies StoredJob);
		await this.ctx.storage.setAlarm(Date.now() + Math.min(1000 * 2 ** tries, MAX_SEND_DELAY_MS));
		return false;
	}

	/** The webhook events of steps, held until the queue takes them. */
	private held() {
		return heldEventStore(this.ctx.storage.sql);
	}

	/** The stored pieces of the file. */
	private pieces() {
		return pieceStore(this.ctx.storage.sql);
	}

	/** The stored file, read a window at a time. */
	private file(size: number): CsvFile {
		const stored = this.pieces();
		return {
			size,
			read: (offset, length) => {
				const end = Math.min(offset + length, size);
				const window = new Uint8Array(Math.max(0, end - offset));
				for (const { at, data } of stored.overlapping(offset, end)) {
					const piece = new Uint8Array(data);
					const from = Math.max(offset, at);
					const to = Math.min(end, at + piece.byteLength);
					window.set(piece.subarray(from - at, to - at), from - offset);
				}
				return window;
			},
		};
	}

	private async finish() {
		await this.ctx.storage.deleteAll();
	}
}
