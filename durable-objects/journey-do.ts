import { DurableObject } from "cloudflare:workers";
import type {
	EnrollmentView,
	EnrollRequest,
	EnrollResult,
	SeedRequest,
	ShardInput,
} from "../worker/contracts/journey-shard";
import type { EngineJourney } from "../worker/db/journey-engine";
import { shardName } from "../worker/domain/journeys/shards";
import { dispatchJourneySends } from "../worker/services/journey-sends";
import { runDatePass } from "./journey-date-pass";
import { ExitCheck } from "./journey-exit-check";
import { type Flush, flushMirror } from "./journey-flush";
import { answerClose, JourneyLiveHub } from "./journey-live";
import { LivePush } from "./journey-live-push";
import { JourneyLoader } from "./journey-loader";
import { exitAll, ROUND_BUDGET_MS, stepDueRounds } from "./journey-rounds";
import type { Seeding } from "./journey-seeding";
import { SegmentEntry } from "./journey-segment-entry";
import { ShardSettle } from "./journey-settle";
import { applyInput, enter, eraseFromShard } from "./journey-steps";
import { JourneyStore } from "./journey-store";
import { presentEnrollment } from "./journey-view";

const SEEN_KEEP_MS = 7 * 86_400_000;
/** How long the cron's call runs a pass before leaving the rest to the alarm. */
const RECONCILE_BUDGET_MS = 10_000;

/**
 * One shard of a journey (`journey:{journeyId}:{shard}`, see worker/domain/journeys/shards.ts): the enrollments of
 * its contacts in SQLite storage, one alarm at the earliest due step, the effects outbox, live counters. Commands are
 * RPC methods; D1's `journeys` row is the source of truth for status and version. The same class named
 * `journey:{id}:live` is the journey's live hub (journey-live.ts).
 */
export class JourneyDO extends DurableObject<Env> {
	private readonly store: JourneyStore;
	private readonly loader: JourneyLoader;
	private readonly flush: Flush;
	private readonly hub: JourneyLiveHub;
	private readonly livePush: LivePush;
	private readonly segments: SegmentEntry;
	private readonly exits: ExitCheck;
	private readonly settle: ShardSettle;
	private testNow: number | null;

	constructor(ctx: DurableObjectState, env: Env) {
		super(ctx, env);
		this.store = new JourneyStore(ctx.storage);
		this.testNow = this.store.getMeta<number>("test_now");
		this.loader = new JourneyLoader(env, this.store);
		const now = () => this.now();
		this.flush = { env, storage: ctx.storage, store: this.store, now, dispatch: dispatchJourneySends };
		this.segments = new SegmentEntry({
			...this.flush,
			loader: this.loader,
			shard: (journeyId, n) => (n === 0 ? this : this.shard(journeyId, n)),
			afterWrite: (journey) => this.settle.afterWrite(journey),
		});
		this.exits = new ExitCheck({
			env,
			store: this.store,
			loader: this.loader,
			now,
			apply: (journey, inputs) => this.receive(journey.id, inputs),
		});
		this.hub = new JourneyLiveHub(ctx, env);
		this.livePush = new LivePush(ctx, env, () => Object.fromEntries(this.store.counters()));
		this.settle = new ShardSettle({
			flush: this.flush,
			store: this.store,
			livePush: this.livePush,
			exitsPending: () => this.exits.pending(),
		});
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

	private shard(journeyId: string, n: number) {
		return this.env.JOURNEY.getByName(shardName(journeyId, n));
	}

	/**
	 * Entries (API, segment, date): each answered with its enrollment or the reason it was refused. Once stored, the
	 * entries stand: what fails after (the first step's effects, D1's mirror) is left to the alarm, not thrown.
	 */
	async enroll(journeyId: string, requests: EnrollRequest[]): Promise<EnrollResult[]> {
		const journey = await this.loader.journey(journeyId);
		if (journey?.status !== "active")
			return requests.map((r) => ({ contactId: r.contactId, ok: false, reason: "not_active" }));
		const contactIds = requests.map((r) => r.contactId);
		const step = await this.loader.prepare(journey, contactIds, [], this.now());
		const results = this.store.transaction(() => requests.map((r) => enter(step, r)));
		await this.settle.afterEntries(journey);
		return results;
	}

	/** Events, unsubscribes and segment changes of this shard's contacts (one call per EVENTS batch). */
	async receive(journeyId: string, inputs: ShardInput[]): Promise<{ ok: boolean }> {
		const journey = await this.loader.journey(journeyId);
		if (!journey || (journey.status !== "active" && journey.status !== "paused")) return { ok: false };
		const contactIds = [...new Set(inputs.map((i) => i.contactId))];
		const enrollments = contactIds.flatMap((id) => this.store.ofContact(id));
		const step = await this.loader.prepare(journey, contactIds, enrollments, this.now());
		this.store.transaction(() => {
			for (const input of inputs) applyInput(step, input);
		});
		await this.settle.afterWrite(journey);
		return { ok: true };
	}

	/**
	 * The contact is being erased (GDPR, before their D1 row goes): their enrollments here exit (`contact_gone`) and
	 * keep no personal data, and their effects not yet run are cancelled. Running it again changes nothing.
	 */
	async eraseContact(journeyId: string, contactId: string): Promise<{ exited: number }> {
		const exited = this.store.transaction(() => eraseFromShard(this.store, contactId, this.now()));
		const journey = await this.loader.journey(journeyId);
		if (journey) await this.settle.afterWrite(journey);
		return { exited };
	}

	/** Segment members (activation or reconciliation): entered, or remembered as already in; leavers noted. */
	async seed(journeyId: string, request: SeedRequest): Promise<{ entered: number }> {
		const journey = await this.loader.journey(journeyId);
		return journey?.status === "active" ? this.segments.seed(journey, request) : { entered: 0 };
	}

	/** Shard 0 only, from the cron: a reconciliation pass over the segment (its alarm does what this call leaves). */
	async reconcile(journeyId: string): Promise<{ started: boolean }> {
		const journey = await this.loader.journey(journeyId, true);
		if (!journey || !this.segments.startReconcile(journey)) return { started: false };
		await this.pass(journey, () => this.segments.seedSome(journey, RECONCILE_BUDGET_MS));
		return { started: true };
	}

	/** From the cron, on every shard: a pass over its enrollments for `segment_leave` exits (see journey-exit-check.ts). */
	async checkExits(journeyId: string): Promise<{ started: boolean }> {
		const journey = await this.loader.journey(journeyId, true);
		if (!journey || !(await this.exits.start(journey))) return { started: false };
		await this.pass(journey, () => this.exits.some(journey, RECONCILE_BUDGET_MS));
		return { started: true };
	}

	/**
	 * A pass the cron started runs here within its budget; the alarm does the rest, armed even when this call fails
	 * (a later call would not start it again while it is under way).
	 */
	private async pass(journey: EngineJourney, some: () => Promise<void>) {
		try {
			await some();
		} finally {
			await this.settle.arm(journey);
		}
	}

	/** Shard 0 only: starts handing the segment's current members to their shards (see journey-seeding.ts). */
	async startSeeding(journeyId: string, seeding: Omit<Seeding, "cursor">): Promise<{ ok: boolean }> {
		this.store.setMeta("journey_id", journeyId);
		this.store.setMeta("seeding", { ...seeding, cursor: "" });
		await this.ctx.storage.setAlarm(Date.now());
		return { ok: true };
	}

	/** Shard 0 only, from the daily cron: enters the contacts whose date attribute falls on `day` (once a day). */
	async datePass(journeyId: string, day: string): Promise<{ entered: number }> {
		if (this.store.getMeta<string>("date_pass") === day) return { entered: 0 };
		const journey = await this.loader.journey(journeyId, true);
		if (journey?.status !== "active" || journey.definition.entry.type !== "date") return { entered: 0 };
		const entered = await runDatePass(this.env, journey, day, this.now(), (n, part) =>
			n === 0 ? this.enroll(journeyId, part) : this.shard(journeyId, n).enroll(journeyId, part),
		);
		this.store.setMeta("date_pass", day);
		return { entered };
	}

	/** A lifecycle change (pause, resume, archive, a new version): re-read the journey and act on it. */
	async refresh(journeyId: string): Promise<{ status: string | null }> {
		const journey = await this.loader.journey(journeyId, true);
		if (journey?.status === "archived") await this.exitEveryone("archived");
		else if (journey) await this.settle.afterWrite(journey);
		return { status: journey?.status ?? null };
	}

	/** Ends every enrollment in flight with `reason` (a journey-wide exit). */
	async exitEveryone(reason: string): Promise<{ exited: number }> {
		const exited = exitAll(this.flush, reason);
		const journey = await this.loader.journey();
		if (journey) await flushMirror(this.flush, journey);
		if (journey) await this.livePush.changed(journey.id);
		await this.ctx.storage.deleteAlarm();
		return { exited };
	}

	async counters(): Promise<Record<string, number>> {
		return Object.fromEntries(this.store.counters());
	}

	async enrollments(filter: { contactId?: string; status?: string; afterId: string; limit: number }) {
		return this.store.page(filter).map(presentEnrollment) satisfies EnrollmentView[];
	}

	/** The live hub's snapshot: the counters now, and this shard pushes its changes to the hub from here on. */
	async watch(): Promise<Record<string, number>> {
		return this.livePush.watched();
	}

	/** Hub only (`journey:{id}:live`): a shard's counters after a change; answers whether anyone watches. */
	async shardCounters(shardId: string, counters: Record<string, number>): Promise<boolean> {
		return this.hub.shardCounters(shardId, counters);
	}

	/** Hub only: a journey email's open, click or provider event (once per EVENTS batch); answers whether anyone watches. */
	async emailsChanged(): Promise<boolean> {
		return this.hub.emailsChanged();
	}

	/** Hub only: `fetch` upgrades the (already authorized) live socket; it hibernates between messages. */
	override async fetch(request: Request): Promise<Response> {
		if (request.headers.get("upgrade")?.toLowerCase() !== "websocket")
			return new Response("Expected a WebSocket", { status: 426 });
		const url = new URL(request.url);
		return this.hub.open(url.searchParams.get("journey") ?? "", url.searchParams.get("workspace") ?? "");
	}

	override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
		answerClose(ws, code);
	}

	override async alarm(): Promise<void> {
		try {
			await this.wake();
		} catch (error) {
			// Not left to the runtime's few alarm retries: a D1 outage longer than those must not put the shard to sleep
			// with contacts waiting (nothing else would wake it before the next entry or event).
			console.error(JSON.stringify({ journey_alarm_failed: String(error) }));
			await this.settle.retryLater();
		}
	}

	private async wake() {
		const journey = await this.loader.journey(undefined, true);
		if (!journey) return;
		if (journey.status === "archived") {
			await this.exitEveryone("archived");
			return;
		}
		if (journey.status !== "active") return; // paused: every contact stays where it is until resume
		await this.segments.seedSome(journey, ROUND_BUDGET_MS);
		await this.exits.some(journey, ROUND_BUDGET_MS);
		await stepDueRounds({ ...this.flush, loader: this.loader }, journey, () => this.livePush.changed(journey.id));
		this.store.forgetSeen(this.now() - SEEN_KEEP_MS);
		await this.settle.afterWrite(journey);
	}
}
