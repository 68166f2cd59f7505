import { DurableObject } from "cloudflare:workers";
import type {
	EnrollmentView,
	EnrollRequest,
	EnrollResult,
	SeedRequest,
	ShardInput,
} from "../worker/contracts/journey-shard";
import type { JourneyDefinition } from "../worker/contracts/journeys";
import { createDb } from "../worker/db/client";
import { contactsOnMonthDay } from "../worker/db/journey-dates";
import {
	type EngineJourney,
	engineJourney,
	journeyVersionDefinition,
	mirrorEnrollments,
} from "../worker/db/journey-engine";
import { startAt, targetMonthDay } from "../worker/domain/journeys/date-entry";
import type { Enrollment } from "../worker/domain/journeys/enrollment";
import { byShard, shardName } from "../worker/domain/journeys/shards";
import { loadContexts } from "../worker/services/journey-context";
import { dispatchJourneySends } from "../worker/services/journey-sends";
import { emitWebhookEvents } from "../worker/services/outbound-webhooks";
import { sendLimitsFor } from "../worker/services/send-limits";
import { closeCodeToEcho } from "./close-code";
import { runEffects, type SendDispatcher } from "./journey-effects";
import { JourneyLiveHub } from "./journey-live";
import { LivePush } from "./journey-live-push";
import { applySeed, planSeed } from "./journey-members";
import { SEED_PAGE, type Seeding, seedPage } from "./journey-seeding";
import { applyInput, enter, exitPage, type Step, stepDue } from "./journey-steps";
import { JourneyStore } from "./journey-store";
import { presentEnrollment } from "./journey-view";

/** Enrollments stepped per alarm round; rounds per alarm (then it re-arms at once). */
export const ALARM_BATCH = 500;
const MAX_ROUNDS = 20;
const ROUND_BUDGET_MS = 20_000;
const EFFECTS_BATCH = 100;
/** A journey's row is read again after this long (lifecycle commands refresh it at once). */
const JOURNEY_TTL_MS = 2_000;
const SEEN_KEEP_MS = 7 * 86_400_000;
/** A segment-entry journey's reconciliation pass starts at most this often (the cron asks every 5 minutes). */
const RECONCILE_EVERY_MS = 10 * 60_000;
/** How long the cron's call runs a pass before leaving the rest to the alarm. */
const RECONCILE_BUDGET_MS = 10_000;

/**
 * One shard of a journey (`journey:{journeyId}:{shard}`, see worker/domain/journeys/shards.ts): the enrollments of
 * its contacts in SQLite storage, one alarm at the earliest due step, the effects outbox, live counters.
 * Commands are RPC methods; D1's `journeys` row is the source of truth for status and version.
 */
export class JourneyDO extends DurableObject<Env> {
	private readonly store: JourneyStore;
	private testNow: number | null;
	private cached: { journey: EngineJourney; at: number } | null = null;
	private readonly definitions = new Map<number, JourneyDefinition>();
	private readonly dispatch: SendDispatcher = dispatchJourneySends;
	private readonly hub: JourneyLiveHub;
	private readonly livePush: LivePush;

	constructor(ctx: DurableObjectState, env: Env) {
		super(ctx, env);
		this.store = new JourneyStore(ctx.storage.sql);
		this.testNow = this.store.getMeta<number>("test_now");
		this.hub = new JourneyLiveHub(ctx, env);
		this.livePush = new LivePush(ctx, env, () => Object.fromEntries(this.store.counters()));
		// The dashboard's keep-alive is answered by the runtime: an idle live page never wakes the hub.
		ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
	}

	private now() {
		return this.testNow ?? Date.now();
	}

	/** Tests only (JOURNEY_TEST_CLOCK): the shard's clock reads `now` from here on. */
	async setClockForTest(now: number): Promise<{ ok: boolean }> {
		if (this.env.JOURNEY_TEST_CLOCK !== "1") return { ok: false };
		this.testNow = now;
		this.store.setMeta("test_now", now);
		return { ok: true };
	}

	private async journey(journeyId?: string, fresh = false): Promise<EngineJourney | null> {
		const id = journeyId ?? this.store.getMeta<string>("journey_id");
		if (!id) return null;
		if (!fresh && this.cached?.journey.id === id && Date.now() - this.cached.at < JOURNEY_TTL_MS)
			return this.cached.journey;
		const journey = await engineJourney(createDb(this.env.DB), id);
		if (!journey) return null;
		if (journeyId) this.store.setMeta("journey_id", journeyId);
		this.cached = { journey, at: Date.now() };
		this.definitions.set(journey.version, journey.definition);
		return journey;
	}

	/** The definitions of these versions (the current one is always loaded). */
	private async loadDefinitions(journey: EngineJourney, versions: Iterable<number>) {
		for (const version of new Set(versions)) {
			if (this.definitions.has(version)) continue;
			const definition = await journeyVersionDefinition(createDb(this.env.DB), journey.id, version);
			if (definition) this.definitions.set(version, definition);
		}
		return this.definitions;
	}

	private async prepare(
		journey: EngineJourney,
		contactIds: string[],
		enrollments: Enrollment[],
		now: number,
	): Promise<Step> {
		const definitions = await this.loadDefinitions(
			journey,
			enrollments.map((e) => e.version),
		);
		const contexts = await loadContexts(this.env, {
			workspaceId: journey.workspaceId,
			journeyId: journey.id,
			contactIds,
			enrollmentIds: enrollments.map((e) => e.id),
			definitions: [...definitions.values()],
			transactional: journey.transactional,
			now,
		});
		return { store: this.store, journey, definitions, contexts, now };
	}

	/** Entries (API, segment, date): each answered with its enrollment or the reason it was refused. */
	async enroll(journeyId: string, requests: EnrollRequest[]): Promise<EnrollResult[]> {
		const journey = await this.journey(journeyId);
		if (journey?.status !== "active")
			return requests.map((r) => ({ contactId: r.contactId, ok: false, reason: "not_active" }));
		const now = this.now();
		const step = await this.prepare(
			journey,
			requests.map((r) => r.contactId),
			[],
			now,
		);
		const results = this.ctx.storage.transactionSync(() => requests.map((r) => enter(step, r)));
		await this.afterWrite(journey);
		return results;
	}

	/** Events, unsubscribes and segment changes of this shard's contacts (one call per EVENTS batch). */
	async receive(journeyId: string, inputs: ShardInput[]): Promise<{ ok: boolean }> {
		const journey = await this.journey(journeyId);
		if (!journey || (journey.status !== "active" && journey.status !== "paused")) return { ok: false };
		const now = this.now();
		const contactIds = [...new Set(inputs.map((i) => i.contactId))];
		const enrollments = contactIds.flatMap((id) => this.store.ofContact(id));
		const step = await this.prepare(journey, contactIds, enrollments, now);
		this.ctx.storage.transactionSync(() => {
			for (const input of inputs) applyInput(step, input);
		});
		await this.afterWrite(journey);
		return { ok: true };
	}

	/** Segment members (activation or reconciliation): entered, or remembered as already in; leavers noted. */
	async seed(journeyId: string, request: SeedRequest): Promise<{ entered: number }> {
		const journey = await this.journey(journeyId);
		if (journey?.status !== "active") return { entered: 0 };
		const now = this.now();
		const plan = planSeed(this.store, request);
		if (plan.fresh.length === 0 && plan.left.length === 0) return { entered: 0 };
		const definitions = await this.loadDefinitions(
			journey,
			plan.leaving.map((e) => e.version),
		);
		const step = request.enroll && plan.fresh.length > 0 ? await this.prepare(journey, plan.fresh, [], now) : null;
		const entered = this.ctx.storage.transactionSync(() =>
			applySeed(this.store, journey, definitions, step, request, plan, now),
		);
		await this.afterWrite(journey);
		return { entered };
	}

	/**
	 * Shard 0 only, from the cron: a reconciliation pass over the segment (see journey-seeding.ts), at most every
	 * RECONCILE_EVERY_MS and never while activation's hand-out runs. Runs what it can now; its alarm does the rest.
	 */
	async reconcile(journeyId: string): Promise<{ started: boolean }> {
		const journey = await this.journey(journeyId, true);
		const entry = journey?.definition.entry;
		if (journey?.status !== "active" || entry?.type !== "segment") return { started: false };
		const last = this.store.getMeta<number>("reconciled_at");
		if (this.store.getMeta<Seeding>("seeding") || (last !== null && this.now() - last < RECONCILE_EVERY_MS))
			return { started: false };
		this.store.setMeta("reconciled_at", this.now());
		const seeding = { workspaceId: journey.workspaceId, segmentId: entry.segment_id, enroll: true, cursor: "" };
		this.store.setMeta("seeding", { ...seeding, reconcile: true });
		await this.seedSome(journey, RECONCILE_BUDGET_MS);
		await this.arm(journey);
		return { started: true };
	}

	/** Shard 0 only: starts handing the segment's current members to their shards (see journey-seeding.ts). */
	async startSeeding(journeyId: string, seeding: Omit<Seeding, "cursor">): Promise<{ ok: boolean }> {
		this.store.setMeta("journey_id", journeyId);
		this.store.setMeta("seeding", { ...seeding, cursor: "" });
		await this.ctx.storage.setAlarm(Date.now());
		return { ok: true };
	}

	/** Pages of the segment until done or out of time; the cursor is saved after each page. */
	private async seedSome(journey: EngineJourney, budgetMs: number) {
		const started = Date.now();
		let seeding = this.store.getMeta<Seeding>("seeding");
		while (seeding && Date.now() - started < budgetMs) {
			seeding = await seedPage(this.env, seeding, this.now(), (shard, request) =>
				shard === 0
					? this.seed(journey.id, request)
					: this.env.JOURNEY.getByName(shardName(journey.id, shard)).seed(journey.id, request),
			);
			if (seeding) this.store.setMeta("seeding", seeding);
			else this.store.deleteMeta("seeding");
		}
	}

	/** Shard 0 only, from the daily cron: enters the contacts whose date attribute falls on `day` (once a day). */
	async datePass(journeyId: string, day: string): Promise<{ entered: number }> {
		if (this.store.getMeta<string>("date_pass") === day) return { entered: 0 };
		const journey = await this.journey(journeyId, true);
		const entry = journey?.definition.entry;
		if (journey?.status !== "active" || entry?.type !== "date") return { entered: 0 };
		const db = createDb(this.env.DB);
		const md = targetMonthDay(day, entry.offset_days ?? 0);
		const { workspaceTimezone } = await sendLimitsFor(this.env, journey.workspaceId, [], this.now());
		let entered = 0;
		for (let after = ""; ; ) {
			const page = await contactsOnMonthDay(db, journey.workspaceId, entry.attribute, md, after, SEED_PAGE);
			const requests = page.map((c) => ({
				contactId: c.id,
				key: `date:${day}:${c.id}`,
				startAt: startAt(day, entry.at_local, c.timezone, workspaceTimezone),
			}));
			const results = await Promise.all(
				[...byShard(requests, (r) => r.contactId)].map(([shard, part]) =>
					shard === 0
						? this.enroll(journeyId, part)
						: this.env.JOURNEY.getByName(shardName(journeyId, shard)).enroll(journeyId, part),
				),
			);
			entered += results.flat().filter((r) => r.ok).length;
			const last = page.at(-1);
			if (page.length < SEED_PAGE || !last) break;
			after = last.id;
		}
		this.store.setMeta("date_pass", day);
		return { entered };
	}

	/** A lifecycle change (pause, resume, archive, a new version): re-read the journey and act on it. */
	async refresh(journeyId: string): Promise<{ status: string | null }> {
		const journey = await this.journey(journeyId, true);
		if (journey?.status === "archived") await this.exitEveryone("archived");
		else if (journey) await this.afterWrite(journey);
		return { status: journey?.status ?? null };
	}

	/** Ends every enrollment in flight with `reason` (a journey-wide exit). */
	async exitEveryone(reason: string): Promise<{ exited: number }> {
		let exited = 0;
		for (;;) {
			const n = this.ctx.storage.transactionSync(() => exitPage(this.store, reason, this.now(), ALARM_BATCH));
			exited += n;
			if (n < ALARM_BATCH) break;
		}
		const journey = await this.journey();
		if (journey) await this.flushMirror(journey);
		if (journey) await this.livePush.changed(journey.id);
		await this.ctx.storage.deleteAlarm();
		return { exited };
	}

	async counters(): Promise<Record<string, number>> {
		return Object.fromEntries(this.store.counters());
	}

	/** The live hub's snapshot: the counters now, and this shard pushes its changes to the hub from here on. */
	async watch(): Promise<Record<string, number>> {
		return this.livePush.watched();
	}

	/** Hub only (`journey:{id}:live`): a shard's counters after a change; answers whether anyone watches. */
	async shardCounters(shardId: string, counters: Record<string, number>): Promise<boolean> {
		return this.hub.shardCounters(shardId, counters);
	}

	/** Hub only: `fetch` upgrades the (already authorized) live socket; it hibernates between messages. */
	override async fetch(request: Request): Promise<Response> {
		if (request.headers.get("upgrade")?.toLowerCase() !== "websocket")
			return new Response("Expected a WebSocket", { status: 426 });
		const url = new URL(request.url);
		return this.hub.open(url.searchParams.get("journey") ?? "", url.searchParams.get("workspace") ?? "");
	}

	/** Answers the client's close; an abrupt drop (1006) or a socket already closed never throws. */
	override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
		if (ws.readyState === WebSocket.CLOSED) return;
		try {
			ws.close(closeCodeToEcho(code), "closing");
		} catch {
			// already closed by the runtime: nothing left to answer
		}
	}

	async enrollments(filter: {
		contactId?: string;
		status?: string;
		afterId: string;
		limit: number;
	}): Promise<EnrollmentView[]> {
		return this.store.page(filter).map(presentEnrollment);
	}

	override async alarm(): Promise<void> {
		const journey = await this.journey(undefined, true);
		if (!journey) return;
		if (journey.status === "archived") {
			await this.exitEveryone("archived");
			return;
		}
		if (journey.status !== "active") return; // paused: every contact stays where it is until resume
		await this.seedSome(journey, ROUND_BUDGET_MS);
		const started = Date.now();
		for (let round = 0; round < MAX_ROUNDS && Date.now() - started < ROUND_BUDGET_MS; round++) {
			const now = this.now();
			const due = this.store.due(now, ALARM_BATCH);
			if (due.length === 0) break;
			const step = await this.prepare(
				journey,
				due.map((e) => e.contactId),
				due,
				now,
			);
			this.ctx.storage.transactionSync(() => {
				for (const e of due) stepDue(step, e);
			});
			await this.flushEffects(journey);
		}
		this.store.forgetSeen(this.now() - SEEN_KEEP_MS);
		await this.afterWrite(journey);
	}

	private async afterWrite(journey: EngineJourney) {
		if (journey.status === "active") await this.flushEffects(journey);
		await this.flushMirror(journey);
		await this.arm(journey);
		await this.livePush.changed(journey.id);
	}

	/** Runs pending effects and records each outcome (done, or retried later). */
	private async flushEffects(journey: EngineJourney) {
		for (let round = 0; round < 20; round++) {
			const now = this.now();
			const pending = this.store.pendingEffects(now, EFFECTS_BATCH);
			if (pending.length === 0) return;
			const outcomes = await runEffects(
				this.env,
				{ workspaceId: journey.workspaceId, journeyId: journey.id, now, dispatch: this.dispatch },
				pending,
			);
			this.ctx.storage.transactionSync(() => {
				for (const o of outcomes)
					if (o.ok) this.store.effectDone(o.key);
					else this.store.effectRetry(o.key, o.retryAt ?? now, o.error, o.retryAt === null);
			});
			if (outcomes.some((o) => !o.ok)) {
				console.warn(JSON.stringify({ journey: journey.id, effects_failed: outcomes.filter((o) => !o.ok).length }));
			}
			if (pending.length < EFFECTS_BATCH) return;
		}
	}

	private async flushMirror(journey: EngineJourney) {
		for (;;) {
			const rows = this.store.mirrorPending(500);
			if (rows.length === 0) return;
			await mirrorEnrollments(createDb(this.env.DB), journey.workspaceId, journey.id, rows);
			this.store.mirrored(rows);
			if (rows.length < 500) break;
		}
		await this.flushLifecycle(journey);
	}

	/** Entries and exits to the workspace's webhook endpoints (`journey.enrolled`, `journey.exited`). */
	private async flushLifecycle(journey: EngineJourney) {
		for (;;) {
			const rows = this.store.lifecycle.pending(500);
			if (rows.length === 0) return;
			await emitWebhookEvents(
				this.env,
				journey.workspaceId,
				rows.map((r) => ({
					type: r.type,
					data: { journey_id: journey.id, ...JSON.parse(r.payload) },
					at: new Date(r.at),
				})),
			);
			this.store.lifecycle.sent(rows.map((r) => r.key));
			if (rows.length < 500) return;
		}
	}

	/** One alarm at the earliest due step or pending effect; none while paused. */
	private async arm(journey: EngineJourney) {
		const seeding = this.store.getMeta<Seeding>("seeding") ? Date.now() : null;
		const times = [this.store.nextDue(), this.store.nextEffect(), seeding].filter((t): t is number => t !== null);
		if (journey.status !== "active" || times.length === 0) await this.ctx.storage.deleteAlarm();
		else await this.ctx.storage.setAlarm(Math.min(...times));
	}
}
