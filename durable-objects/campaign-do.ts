import { DurableObject } from "cloudflare:workers";

export type CampaignSnapshot = { campaignId: string | null; status: string; updatedAt: string | null };

/**
 * One per campaign (`CAMPAIGN.getByName(campaignId)`). It will own the lifecycle state
 * machine, the fan-out cursor, pacing alarms, live counters and WebSocket subscribers
 * (campaign engine issue). For now it persists and reports its snapshot.
 */
export class CampaignDO extends DurableObject<Env> {
	private snapshot: CampaignSnapshot = { campaignId: null, status: "draft", updatedAt: null };

	constructor(ctx: DurableObjectState, env: Env) {
		super(ctx, env);
		ctx.blockConcurrencyWhile(async () => {
			this.snapshot = (await ctx.storage.get<CampaignSnapshot>("snapshot")) ?? this.snapshot;
		});
	}

	async getSnapshot(): Promise<CampaignSnapshot> {
		return this.snapshot;
	}

	async init(campaignId: string): Promise<CampaignSnapshot> {
		if (this.snapshot.campaignId === null) {
			this.snapshot = { campaignId, status: "draft", updatedAt: new Date().toISOString() };
			await this.ctx.storage.put("snapshot", this.snapshot);
		}
		return this.snapshot;
	}
}
