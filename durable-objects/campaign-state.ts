import type { CampaignStatus, PauseReason } from "../worker/contracts/campaigns";
import type { FanoutPosition } from "../worker/services/fanout";
import type { AbState } from "./ab-phase";

/** What a campaign object keeps in durable storage: its lifecycle status and where its fan-out stands. */
export type State = {
	campaignId: string;
	workspaceId: string;
	status: CampaignStatus;
	sendAt: number | null;
	position: FanoutPosition;
	fanoutDone: boolean;
	/** Recipients per chunk and chunks per second, from the workspace's send rate. */
	chunkSize: number;
	chunksPerTick: number;
	/** Why Pulse paused the campaign (a provider quota; absent in states saved before there were reasons). */
	pauseReason?: PauseReason | null;
	/** The A/B test's phase (null: a plain campaign; absent until sending starts). */
	ab?: AbState | null;
};

/** The state of a campaign object that has not stored one yet (its status from D1's mirror). */
export const newCampaignState = (campaignId: string, workspaceId: string, status: CampaignStatus): State => ({
	campaignId,
	workspaceId,
	status,
	sendAt: null,
	position: { cursor: "", seq: 0 },
	fanoutDone: false,
	chunkSize: 100,
	chunksPerTick: 1,
});
