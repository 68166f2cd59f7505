import { DurableObject } from "cloudflare:workers";
import type { CampaignStatus } from "../worker/contracts/campaigns";
import type { LiveMessage } from "../worker/contracts/live";
import { type CampaignEvent, transition } from "../worker/domain/campaigns/machine";
import { campaignStats } from "../worker/services/campaign-stats";
import { type FanoutPosition, fanoutStep } from "../worker/services/fanout";

export type CampaignCommand =
	| { type: "schedule"; sendAt: number }
	| { type: "unschedule" | "send" | "pause" | "resume" | "cancel" };
export type CommandResult = { ok: true; status: CampaignStatus } | { ok: false; reason: string };

type State = {
	campaignId: string;
	workspaceId: string;
	status: CampaignStatus;
	sendAt: number | null;
	position: FanoutPosition;
	fanoutDone: boolean;
	/** Recipients per chunk and chunks per second, from the workspace's send rate. */
	chunkSize: number;
	chunksPerTick: number;
};

const TICK_MS = 1_000;
/** Live updates are coalesced: a burst of thousands of opens becomes a few messages a second. */
const LIVE_INTERVAL_MS = 250;

/**
 * One per campaign (`CAMPAIGN.getByName(campaignId)`): decides every lifecycle change with the
 * pure `transition`, keeps its state and fan-out cursor in durable storage, and paces the
 * fan-out on alarms, one tick a second. D1's `campaigns.status` mirrors the state for lists.
 */
export class CampaignDO extends DurableObject<Env> {
	private state: State | null = null;
	private lastPush = 0;
	private pushTimer: ReturnType<typeof setTimeout> | null = null;

	constructor(ctx: DurableObjectState, env: Env) {
		super(ctx, env);
		ctx.blockConcurrencyWhile(async () => {
			this.state = (await ctx.storage.get<State>("state")) ?? null;
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
		const next: State = { ...state, status: result.status };
		if (command.type === "schedule") next.sendAt = command.sendAt;
		if (command.type === "unschedule") next.sendAt = null;
		if (command.type === "send" || command.type === "resume") await this.loadPace(next);
		await this.save(next, now);
		if (command.type === "cancel") await this.cancelPending();
		if (command.type === "resume") await this.requeuePaused();
		await this.scheduleAlarm();
		return { ok: true, status: next.status };
	}

	override async alarm(): Promise<void> {
		const state = this.state;
		if (!state) return;
		const now = Date.now();
		if (state.status === "scheduled" && state.sendAt !== null && state.sendAt <= now) {
			const started = transition(state.status, { type: "start" });
			if (started.ok) {
				const next = { ...state, status: started.status };
				await this.loadPace(next);
				await this.save(next, now);
			}
		}
		if (this.state?.status === "sending") await this.tick();
		await this.scheduleAlarm();
	}

	/** Called by the SENDS consumer when a chunk settles; completes the campaign after the last one. */
	async chunkSettled(): Promise<void> {
		await this.completeIfDone();
		this.schedulePush();
	}

	/** Called once per EVENTS batch (and by unsubscribes): dashboards get fresh numbers. */
	async trackingChanged(): Promise<void> {
		this.schedulePush();
	}

	/** `fetch` only upgrades the (already authorized) live socket; it hibernates between messages. */
	override async fetch(request: Request): Promise<Response> {
		if (request.headers.get("upgrade")?.toLowerCase() !== "websocket")
			return new Response("Expected a WebSocket", { status: 426 });
		const campaignId = new URL(request.url).searchParams.get("campaign") ?? this.state?.campaignId ?? "";
		const pair = new WebSocketPair();
		this.ctx.acceptWebSocket(pair[1]);
		pair[1].send(
			JSON.stringify({ type: "snapshot", stats: await this.currentStats(campaignId) } satisfies LiveMessage),
		);
		return new Response(null, { status: 101, webSocket: pair[0] });
	}

	override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
		if (message === "ping") ws.send("pong");
	}

	override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
		ws.close(code === 1005 ? 1000 : code, "closing");
	}

	private async currentStats(campaignId: string) {
		const row = await this.env.DB.prepare("SELECT status FROM campaigns WHERE id = ?")
			.bind(campaignId)
			.first<{ status: CampaignStatus }>();
		return campaignStats(this.env.DB, campaignId, row?.status ?? this.state?.status ?? "draft");
	}

	private schedulePush() {
		if (this.pushTimer || this.ctx.getWebSockets().length === 0) return;
		const wait = Math.max(0, this.lastPush + LIVE_INTERVAL_MS - Date.now());
		this.pushTimer = setTimeout(() => {
			this.pushTimer = null;
			this.lastPush = Date.now();
			void this.push();
		}, wait);
	}

	private async push() {
		const campaignId = this.state?.campaignId;
		if (!campaignId) return;
		this.broadcast({ type: "stats", stats: await this.currentStats(campaignId) });
	}

	private broadcast(message: LiveMessage) {
		const text = JSON.stringify(message);
		for (const ws of this.ctx.getWebSockets()) {
			try {
				ws.send(text);
			} catch {
				// a closing socket; the runtime removes it
			}
		}
	}

	private async tick() {
		let state = this.state;
		if (!state) return;
		const campaign = await this.env.DB.prepare(
			"SELECT s.definition FROM campaigns c LEFT JOIN segments s ON s.id = c.segment_id WHERE c.id = ?",
		)
			.bind(state.campaignId)
			.first<{ definition: string | null }>();
		const fanout = {
			campaignId: state.campaignId,
			workspaceId: state.workspaceId,
			segmentDefinition: campaign?.definition ? JSON.parse(campaign.definition) : null,
		};
		for (let i = 0; i < state.chunksPerTick && !state.fanoutDone; i++) {
			const step = await fanoutStep(this.env.DB, fanout, state.position, state.chunkSize);
			if (step.chunk) await this.env.SENDS.send(step.chunk);
			state = { ...state, position: step.next, fanoutDone: step.done };
			// Persisted after the enqueue: a crash in between replays the step, which inserts nothing new.
			await this.ctx.storage.put("state", state);
			this.state = state;
			if (this.state.status !== "sending") return;
		}
		await this.completeIfDone();
	}

	private async completeIfDone() {
		const state = this.state;
		if (state?.status !== "sending" || !state.fanoutDone) return;
		const pending = await this.env.DB.prepare(
			"SELECT count(*) AS n FROM chunks WHERE campaign_id = ? AND status IN ('queued', 'frozen', 'paused')",
		)
			.bind(state.campaignId)
			.first<{ n: number }>();
		if ((pending?.n ?? 0) > 0) return;
		const done = transition(state.status, { type: "complete" });
		if (done.ok) await this.save({ ...state, status: done.status }, Date.now());
	}

	private async scheduleAlarm() {
		const state = this.state;
		if (state?.status === "scheduled" && state.sendAt !== null) await this.ctx.storage.setAlarm(state.sendAt);
		else if (state?.status === "sending" && !state.fanoutDone) await this.ctx.storage.setAlarm(Date.now() + TICK_MS);
		else if (state?.status === "sending")
			await this.ctx.storage.setAlarm(Date.now() + 10 * TICK_MS); // completion check, in case a report was lost
		else await this.ctx.storage.deleteAlarm();
	}

	private async initialState(campaignId: string, workspaceId: string): Promise<State> {
		const row = await this.env.DB.prepare("SELECT status FROM campaigns WHERE id = ? AND workspace_id = ?")
			.bind(campaignId, workspaceId)
			.first<{ status: CampaignStatus }>();
		return {
			campaignId,
			workspaceId,
			status: row?.status ?? "draft",
			sendAt: null,
			position: { cursor: "", seq: 0 },
			fanoutDone: false,
			chunkSize: 100,
			chunksPerTick: 1,
		};
	}

	/** The workspace's send rate (recipients per second) sets chunk size and chunks per tick. */
	private async loadPace(state: State) {
		const row = await this.env.DB.prepare("SELECT send_rate_per_second AS rate FROM workspaces WHERE id = ?")
			.bind(state.workspaceId)
			.first<{ rate: number }>();
		const rate = Math.max(1, row?.rate ?? 100);
		state.chunkSize = Math.min(100, rate);
		state.chunksPerTick = Math.max(1, Math.floor(rate / state.chunkSize));
	}

	private async save(state: State, now: number) {
		const changed = this.state?.status !== state.status;
		await this.ctx.storage.put("state", state);
		this.state = state;
		if (changed) {
			this.broadcast({ type: "status", status: state.status });
			this.schedulePush();
		}
		await this.env.DB.prepare(
			`UPDATE campaigns SET status = ?, send_at = ?, updated_at = ?,
			   started_at = CASE WHEN ? = 'sending' AND started_at IS NULL THEN ? ELSE started_at END,
			   completed_at = CASE WHEN ? IN ('completed', 'cancelled') THEN ? ELSE completed_at END
			 WHERE id = ?`,
		)
			.bind(state.status, state.sendAt, now, state.status, now, state.status, now, state.campaignId)
			.run();
	}

	/** Cancelling settles what was never attempted; a chunk already with the provider finishes. */
	private async cancelPending() {
		const id = this.state?.campaignId;
		await this.env.DB.batch([
			this.env.DB.prepare(
				"UPDATE messages SET status = 'cancelled' WHERE campaign_id = ? AND status = 'queued' AND chunk_id IN (SELECT id FROM chunks WHERE campaign_id = ? AND status IN ('queued', 'paused'))",
			).bind(id, id),
			this.env.DB.prepare(
				"UPDATE chunks SET status = 'cancelled', updated_at = ? WHERE campaign_id = ? AND status IN ('queued', 'paused')",
			).bind(Date.now(), id),
		]);
	}

	/** Chunks set aside while paused go back on the queue, in order. */
	private async requeuePaused() {
		const state = this.state;
		if (!state) return;
		const { results } = await this.env.DB.prepare(
			"SELECT id FROM chunks WHERE campaign_id = ? AND status = 'paused' ORDER BY seq",
		)
			.bind(state.campaignId)
			.all<{ id: string }>();
		if (results.length === 0) return;
		await this.env.DB.prepare("UPDATE chunks SET status = 'queued' WHERE campaign_id = ? AND status = 'paused'")
			.bind(state.campaignId)
			.run();
		for (let i = 0; i < results.length; i += 100) {
			await this.env.SENDS.sendBatch(
				results.slice(i, i + 100).map((r) => ({
					body: {
						type: "send_chunk" as const,
						workspace_id: state.workspaceId,
						campaign_id: state.campaignId,
						chunk_id: r.id,
					},
				})),
			);
		}
	}
}
