import { DurableObject } from "cloudflare:workers";
import { providerRequestLimit } from "../worker/config";
import type { CampaignCommand, CommandResult } from "../worker/contracts/campaign-commands";
import type { LiveMessage, StatsDelta } from "../worker/contracts/live";
import { hasUnsettledChunks, mirroredStatus, mirrorStatus } from "../worker/db/campaign-lifecycle";
import { audienceDefinition } from "../worker/db/campaigns";
import {
	cancelCampaignChunks,
	hasOutstandingChunks,
	stalledChunks,
	touchChunks,
	unpauseChunks,
} from "../worker/db/chunks";
import { createDb } from "../worker/db/client";
import { workspaceForSend } from "../worker/db/sends";
import { type CampaignEvent, transition } from "../worker/domain/campaigns/machine";
import { type ProviderQuota, quotaPause, quotaReopened } from "../worker/domain/campaigns/provider-quota";
import { sendPace } from "../worker/domain/send-pace";
import { emptyDelta, mergeDelta } from "../worker/domain/tracking/live-stats";
import { auditQuotaPause, auditQuotaResume } from "../worker/services/campaign-quota";
import { notifyCampaignStatus } from "../worker/services/event-notifications";
import { enqueueSends, fanoutSteps, MAX_CHUNKS_PER_STEP, sendChunkMessage } from "../worker/services/fanout";
import { emitCampaignStatusWebhook } from "../worker/services/webhook-emitters";
import { abCompleted, abHoldsCompletion, abPicker, abStep, type PickResult, pickWinner, startAb } from "./ab-phase";
import { newCampaignState, type State } from "./campaign-state";
import { RECOVER_PER_CHECK, SETTLE_CHECK_MS, staleChunkMs, stallCheckEvery, TICK_MS } from "./campaign-timing";
import { closeCodeToEcho } from "./close-code";
import { LiveCounters } from "./live-counters";

/**
 * One per campaign (`CAMPAIGN.getByName(campaignId)`): decides every lifecycle change with the
 * pure `transition`, keeps its state and fan-out cursor in durable storage, and paces the
 * fan-out on alarms, one tick a second. D1's `campaigns.status` mirrors the state for lists.
 */
export class CampaignDO extends DurableObject<Env> {
	private state: State | null = null;
	/** When this instance last looked for stalled chunks (0 after a restart: it looks at once). */
	private lastStallCheck = 0;
	private readonly live: LiveCounters;

	constructor(ctx: DurableObjectState, env: Env) {
		super(ctx, env);
		this.live = new LiveCounters(ctx, env, () => this.state?.status ?? null);
		// The dashboard's keep-alive is answered by the runtime: an idle dashboard never wakes the object.
		ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
		ctx.blockConcurrencyWhile(async () => {
			this.state = (await ctx.storage.get<State>("state")) ?? null;
			await this.live.load();
		});
	}

	async getState(): Promise<State | null> {
		return this.state;
	}

	async command(campaignId: string, workspaceId: string, command: CampaignCommand): Promise<CommandResult> {
		const state = this.state ?? (await this.initialState(campaignId, workspaceId));
		const now = Date.now();
		const event: CampaignEvent =
			command.type === "schedule" ? { type: "schedule", sendAt: command.sendAt, now } : command;
		const result = transition(state.status, event);
		if (!result.ok) return result;
		// A person's command ends any pause Pulse made: resumed early, the next chunk pauses again if the quota is closed.
		const next: State = { ...state, status: result.status, pauseReason: null };
		if (command.type === "schedule") next.sendAt = command.sendAt;
		if (command.type === "unschedule") next.sendAt = null;
		if (command.type === "send" || command.type === "resume") await this.loadPace(next);
		await this.save(next, now);
		if (command.type === "cancel") await this.cancelPending();
		if (command.type === "resume") await this.requeuePaused(now);
		await this.scheduleAlarm();
		return { ok: true, status: next.status };
	}

	/**
	 * The periodic check: starts a scheduled send, paces the fan-out, re-enqueues chunks whose SENDS
	 * message was lost (a crash of a local queue, say) and completes the campaign. A failure is logged and
	 * the next alarm is set regardless, so the check never stops while chunks are outstanding.
	 */
	override async alarm(): Promise<void> {
		const state = this.state;
		if (!state) return;
		const now = Date.now();
		try {
			if (state.status === "paused" && quotaReopened(state.pauseReason ?? null, now)) await this.resumeAfterQuota(now);
			if (state.status === "scheduled" && state.sendAt !== null && state.sendAt <= now) {
				const started = transition(state.status, { type: "start" });
				if (started.ok) {
					const next = { ...state, status: started.status };
					await this.loadPace(next);
					await this.save(next, now);
				}
			}
			if (this.state?.status === "sending") await this.tick();
			if (this.state) await abStep(this.env, this.state, now, (s) => this.put(s));
			await this.recoverStalled(now);
		} catch (error) {
			console.error(JSON.stringify({ campaign: state.campaignId, alarm: "failed", error: String(error) }));
		}
		await this.scheduleAlarm();
	}

	/**
	 * Called by the SENDS consumer when a chunk settles, with what its recipients became (counts by status): the
	 * live numbers move without reading D1. Completes the campaign after the last chunk.
	 */
	async chunkSettled(delta: StatsDelta): Promise<void> {
		await this.live.apply(delta);
		await this.completeIfDone();
	}

	/**
	 * Called by the SENDS consumer when the provider's daily or monthly quota refused a chunk: a sending campaign pauses
	 * with the reason and resumes by itself when the quota resets (an alarm); a later reset extends a quota pause.
	 */
	async providerQuotaReached(quota: ProviderQuota): Promise<void> {
		const state = this.state;
		if (!state) return;
		const decision = quotaPause(state.status, state.pauseReason ?? null, quota);
		if (!decision) return;
		const now = Date.now();
		if ("extend" in decision) await this.save({ ...state, pauseReason: decision.extend }, now);
		else {
			const paused = transition(state.status, { type: "pause" });
			if (!paused.ok) return;
			await this.save({ ...state, status: paused.status, pauseReason: decision.pause }, now);
			await auditQuotaPause(createDb(this.env.DB), state.workspaceId, state.campaignId, decision.pause);
		}
		await this.scheduleAlarm();
	}

	/**
	 * Called once per EVENTS batch with what its inserted rows changed (opens, clicks, unsubscribes,
	 * deliveries, bounces, complaints): the live numbers move without reading D1.
	 */
	async applyDelta(delta: StatsDelta): Promise<void> {
		await this.live.apply(delta);
	}

	/** A person picks the A/B test's winner (while testing or deciding): the winner phase starts now. */
	async pickWinner(variantId: string): Promise<PickResult> {
		const result = await pickWinner(this.env, this.state, variantId, Date.now(), (s) => this.put(s));
		await this.scheduleAlarm();
		return result;
	}

	/** `fetch` only upgrades the (already authorized) live socket; it hibernates between messages. */
	override async fetch(request: Request): Promise<Response> {
		if (request.headers.get("upgrade")?.toLowerCase() !== "websocket")
			return new Response("Expected a WebSocket", { status: 426 });
		const campaignId = new URL(request.url).searchParams.get("campaign") ?? this.state?.campaignId ?? "";
		const pair = new WebSocketPair();
		this.ctx.acceptWebSocket(pair[1]);
		const snapshot: LiveMessage = { type: "snapshot", stats: await this.live.snapshot(campaignId) };
		pair[1].send(JSON.stringify(snapshot));
		return new Response(null, { status: 101, webSocket: pair[0] });
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

	private async tick() {
		let state = this.state;
		if (!state) return;
		const fanout = {
			campaignId: state.campaignId,
			workspaceId: state.workspaceId,
			segmentDefinition: await audienceDefinition(createDb(this.env.DB), state.campaignId),
			pickVariants: abPicker(this.env, state),
		};
		const added = emptyDelta();
		for (let made = 0; made < state.chunksPerTick && !state.fanoutDone; made += MAX_CHUNKS_PER_STEP) {
			const steps = Math.min(MAX_CHUNKS_PER_STEP, state.chunksPerTick - made);
			const step = await fanoutSteps(this.env.DB, fanout, state.position, state.chunkSize, steps);
			await enqueueSends(this.env.SENDS, step.chunks);
			mergeDelta(added, step.added);
			state = { ...state, position: step.next, fanoutDone: step.done };
			// Persisted after the enqueue: a crash in between replays the steps, which insert nothing new.
			await this.ctx.storage.put("state", state);
			this.state = state;
			if (this.state.status !== "sending") break;
		}
		await this.live.apply(added);
		await this.completeIfDone();
	}

	private async completeIfDone() {
		const state = this.state;
		if (state?.status !== "sending" || !state.fanoutDone || abHoldsCompletion(state)) return;
		if (await hasUnsettledChunks(createDb(this.env.DB), state.campaignId)) return;
		const done = transition(state.status, { type: "complete" });
		if (done.ok) await this.save({ ...(await abCompleted(this.env, state)), status: done.status }, Date.now());
	}

	/**
	 * Chunks still queued or frozen whose SENDS message should long have been processed go back on the
	 * queue. Safe to repeat: the chunk id and the provider's idempotency key are fixed, a frozen chunk sends
	 * the same bytes, and the consumer skips a chunk already settled. A cancelled campaign's chunk is
	 * re-enqueued too: the consumer then cancels it instead of leaving its recipients queued.
	 */
	private async recoverStalled(now: number) {
		const state = this.state;
		if (state?.status !== "sending" && state?.status !== "cancelled") return;
		const staleMs = staleChunkMs(this.env);
		// The alarm runs every second during the fan-out and every few seconds after it; the check (a scan of the
		// campaign's chunks) needs to run only a few times per threshold.
		if (now - this.lastStallCheck < stallCheckEvery(staleMs)) return;
		this.lastStallCheck = now;
		const db = createDb(this.env.DB);
		const ids = await stalledChunks(db, state.campaignId, now - staleMs, RECOVER_PER_CHECK);
		if (ids.length === 0) return;
		await this.enqueue(state, ids);
		await touchChunks(db, ids, now);
		console.warn(JSON.stringify({ campaign: state.campaignId, reenqueued_stalled_chunks: ids.length }));
	}

	private async scheduleAlarm() {
		const state = this.state;
		const now = Date.now();
		const checkEvery = stallCheckEvery(staleChunkMs(this.env));
		if (state?.status === "scheduled" && state.sendAt !== null) await this.ctx.storage.setAlarm(state.sendAt);
		else if (state?.status === "sending" && !state.fanoutDone) await this.ctx.storage.setAlarm(now + TICK_MS);
		else if (state?.status === "sending")
			// completion and stalled-chunk check, in case a report or a queue message was lost
			await this.ctx.storage.setAlarm(now + Math.min(SETTLE_CHECK_MS, checkEvery));
		else if (state?.status === "paused" && state.pauseReason?.code === "provider_quota")
			await this.ctx.storage.setAlarm(Date.parse(state.pauseReason.resumes_at));
		else if (state?.status === "cancelled" && (await hasOutstandingChunks(createDb(this.env.DB), state.campaignId)))
			await this.ctx.storage.setAlarm(now + checkEvery);
		else await this.ctx.storage.deleteAlarm();
	}

	private async initialState(campaignId: string, workspaceId: string): Promise<State> {
		const status = await mirroredStatus(createDb(this.env.DB), campaignId, workspaceId);
		return newCampaignState(campaignId, workspaceId, status ?? "draft");
	}

	/** The workspace's send rate (recipients per second) sets chunk size and chunks per tick (see `sendPace`). */
	private async loadPace(state: State) {
		const workspace = await workspaceForSend(createDb(this.env.DB), state.workspaceId);
		const pace = sendPace(workspace?.sendRatePerSecond, providerRequestLimit(this.env));
		state.chunkSize = pace.chunkSize;
		state.chunksPerTick = pace.chunksPerTick;
		// An A/B test's clock starts with the send (kept across pause and resume).
		if (state.ab === undefined) state.ab = await startAb(this.env, state.campaignId, Date.now());
	}

	/** Stores the state without a status change (the A/B phases move within `sending`). */
	private async put(state: State) {
		await this.ctx.storage.put("state", state);
		this.state = state;
	}

	private async save(state: State, now: number) {
		const previous = this.state?.status ?? null;
		const changed = previous !== state.status;
		await this.ctx.storage.put("state", state);
		this.state = state;
		if (changed) this.live.statusChanged(state.status);
		await mirrorStatus(createDb(this.env.DB), {
			campaignId: state.campaignId,
			status: state.status,
			sendAt: state.sendAt,
			now,
			pauseReason: state.pauseReason ?? null,
		});
		if (changed) await notifyCampaignStatus(this.env, state.workspaceId, state.campaignId, previous, state.status);
		if (changed) await emitCampaignStatusWebhook(this.env, state, previous, now);
	}

	/** Cancelling settles what was never attempted; a chunk already with the provider finishes. */
	private async cancelPending() {
		const id = this.state?.campaignId;
		if (id) await cancelCampaignChunks(createDb(this.env.DB), id, Date.now());
	}

	/** The quota reset: the campaign resumes by itself, as a person's resume would. */
	private async resumeAfterQuota(now: number) {
		const state = this.state;
		const resumed = state && transition(state.status, { type: "resume" });
		if (!state?.pauseReason || !resumed?.ok) return;
		const next: State = { ...state, status: resumed.status, pauseReason: null };
		await this.loadPace(next);
		await this.save(next, now);
		await this.requeuePaused(now);
		await auditQuotaResume(createDb(this.env.DB), state.workspaceId, state.campaignId, state.pauseReason);
	}

	/**
	 * Chunks set aside while paused go back on the queue, in order. They are marked enqueued first: if the
	 * process dies before the enqueue, the stalled-chunk check finds them.
	 */
	private async requeuePaused(now: number) {
		const state = this.state;
		if (!state) return;
		const ids = await unpauseChunks(createDb(this.env.DB), state.campaignId, now);
		await this.enqueue(state, ids);
	}

	private async enqueue(state: State, chunkIds: string[]) {
		await enqueueSends(
			this.env.SENDS,
			chunkIds.map((id) => sendChunkMessage(state, id)),
		);
	}
}
