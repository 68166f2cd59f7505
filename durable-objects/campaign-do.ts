import { DurableObject } from "cloudflare:workers";
import type { CampaignCommand, CommandResult } from "../worker/contracts/campaign-commands";
import type { LiveMessage, StatsDelta } from "../worker/contracts/live";
import { hasUnsettledChunks, mirroredStatus } from "../worker/db/campaign-lifecycle";
import { createDb } from "../worker/db/client";
import { commandEvent, transition } from "../worker/domain/campaigns/machine";
import { type ProviderQuota, quotaPause, quotaReopened } from "../worker/domain/campaigns/provider-quota";
import { auditQuotaPause, auditQuotaResume } from "../worker/services/campaign-quota";
import { type AbHost, abEnded, abHoldsCompletion, abStep, type PickResult, pickWinner } from "./ab-phase";
import { nextAlarmAt } from "./campaign-do-alarm";
import { cancelPending, requeuePaused, StallCheck } from "./campaign-do-chunks";
import { fanoutTick } from "./campaign-do-fanout";
import { loadPace, publishStatus } from "./campaign-do-status";
import { newCampaignState, type State } from "./campaign-state";
import { closeCodeToEcho } from "./close-code";
import { LiveCounters } from "./live-counters";

/**
 * One per campaign (`CAMPAIGN.getByName(campaignId)`): decides every lifecycle change with the
 * pure `transition`, keeps its state and fan-out cursor in durable storage, and paces the
 * fan-out on alarms, one tick a second. D1's `campaigns.status` mirrors the state for lists.
 */
export class CampaignDO extends DurableObject<Env> {
	private state: State | null = null;
	private readonly stallCheck = new StallCheck();
	private readonly live: LiveCounters;
	/** The A/B phases store through the object and announce on its live sockets. */
	private readonly ab: AbHost = {
		put: (state) => this.put(state),
		announce: (message) => this.live.broadcast(message),
	};
	/** The last lifecycle work queued (see `serial`). */
	private turn: Promise<unknown> = Promise.resolve();

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

	command(campaignId: string, workspaceId: string, command: CampaignCommand): Promise<CommandResult> {
		return this.serial(() => this.apply(campaignId, workspaceId, command));
	}

	private async apply(campaignId: string, workspaceId: string, command: CampaignCommand): Promise<CommandResult> {
		const state = this.state ?? (await this.initialState(campaignId, workspaceId));
		const now = Date.now();
		const result = transition(state.status, commandEvent(command, now));
		if (!result.ok) return result;
		// A person's command ends any pause Pulse made: resumed early, the next chunk pauses again if the quota is closed.
		let next: State = { ...state, status: result.status, pauseReason: null };
		// Cancelled in any A/B phase, the test ends with the campaign (D1's mirror first: a retry finds it done).
		if (command.type === "cancel") next = await abEnded(this.env, next, this.ab.announce);
		if (command.type === "schedule") next.sendAt = command.sendAt;
		if (command.type === "unschedule") next.sendAt = null;
		if (command.type === "send" || command.type === "resume") await loadPace(this.env, next, this.ab.announce);
		await this.save(next, now);
		if (command.type === "cancel") await cancelPending(this.env, next.campaignId, Date.now());
		if (command.type === "resume") await requeuePaused(this.env, next, now);
		await this.scheduleAlarm();
		return { ok: true, status: next.status };
	}

	/**
	 * The periodic check: starts a scheduled send, paces the fan-out, re-enqueues chunks whose SENDS
	 * message was lost (a crash of a local queue, say) and completes the campaign. A failure is logged and
	 * the next alarm is set regardless, so the check never stops while chunks are outstanding.
	 */
	override alarm(): Promise<void> {
		return this.serial(() => this.check());
	}

	private async check(): Promise<void> {
		const state = this.state;
		if (!state) return;
		const now = Date.now();
		try {
			if (state.status === "paused" && quotaReopened(state.pauseReason ?? null, now)) await this.resumeAfterQuota(now);
			if (state.status === "scheduled" && state.sendAt !== null && state.sendAt <= now) {
				const started = transition(state.status, { type: "start" });
				if (started.ok) {
					const next = { ...state, status: started.status };
					await loadPace(this.env, next, this.ab.announce);
					await this.save(next, now);
				}
			}
			if (this.state?.status === "sending") await this.tick();
			if (this.state) await abStep(this.env, this.state, now, this.ab);
			await this.stallCheck.run(this.env, this.state, now);
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
		await this.serial(() => this.completeIfDone());
	}

	/**
	 * Called by the SENDS consumer when the provider's daily or monthly quota refused a chunk: a sending campaign pauses
	 * with the reason and resumes by itself when the quota resets (an alarm); a later reset extends a quota pause.
	 */
	providerQuotaReached(quota: ProviderQuota): Promise<void> {
		return this.serial(() => this.quotaReached(quota));
	}

	private async quotaReached(quota: ProviderQuota): Promise<void> {
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
	pickWinner(variantId: string): Promise<PickResult> {
		return this.serial(async () => {
			const result = await pickWinner(this.env, this.state, variantId, Date.now(), this.ab);
			await this.scheduleAlarm();
			return result;
		});
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
		const state = this.state;
		if (!state) return;
		const added = await fanoutTick(
			this.env,
			state,
			(s) => this.put(s),
			() => this.state,
		);
		await this.live.apply(added);
		await this.completeIfDone();
	}

	private async completeIfDone() {
		const state = this.state;
		if (state?.status !== "sending" || !state.fanoutDone || abHoldsCompletion(state)) return;
		if (await hasUnsettledChunks(createDb(this.env.DB), state.campaignId)) return;
		const done = transition(state.status, { type: "complete" });
		if (done.ok)
			await this.save({ ...(await abEnded(this.env, state, this.ab.announce)), status: done.status }, Date.now());
	}

	/**
	 * Lifecycle work runs one piece at a time: a pause, a cancel or a picked winner arriving while an alarm's fan-out
	 * tick awaits D1 waits for the tick to store its cursor, so neither overwrites the other's state.
	 */
	private serial<T>(work: () => Promise<T>): Promise<T> {
		const run = this.turn.then(work);
		this.turn = run.catch(() => undefined);
		return run;
	}

	private async scheduleAlarm() {
		const at = await nextAlarmAt(this.env, this.state, Date.now());
		if (at === null) await this.ctx.storage.deleteAlarm();
		else await this.ctx.storage.setAlarm(at);
	}

	private async initialState(campaignId: string, workspaceId: string): Promise<State> {
		const status = await mirroredStatus(createDb(this.env.DB), campaignId, workspaceId);
		return newCampaignState(campaignId, workspaceId, status ?? "draft");
	}

	/** Stores the state without a status change (the A/B phases move within `sending`). */
	private async put(state: State) {
		await this.ctx.storage.put("state", state);
		this.state = state;
	}

	private async save(state: State, now: number) {
		const previous = this.state?.status ?? null;
		await this.put(state);
		if (previous !== state.status) this.live.statusChanged(state.status);
		await publishStatus(this.env, state, previous, now);
	}

	/** The quota reset: the campaign resumes by itself, as a person's resume would. */
	private async resumeAfterQuota(now: number) {
		const state = this.state;
		const resumed = state && transition(state.status, { type: "resume" });
		if (!state?.pauseReason || !resumed?.ok) return;
		const next: State = { ...state, status: resumed.status, pauseReason: null };
		await loadPace(this.env, next, this.ab.announce);
		await this.save(next, now);
		await requeuePaused(this.env, next, now);
		await auditQuotaResume(createDb(this.env.DB), state.workspaceId, state.campaignId, state.pauseReason);
	}
}
