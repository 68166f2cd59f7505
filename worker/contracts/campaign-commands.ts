import type { CampaignStatus } from "./campaigns";

/** A lifecycle command, as the API passes it to the campaign's Durable Object. */
export type CampaignCommand =
	| { type: "schedule"; sendAt: number; localTime?: string | null }
	| { type: "unschedule" | "send" | "pause" | "resume" | "cancel" };

/** The object's answer: the new status, or why the transition was refused (409 at the API). */
export type CommandResult = { ok: true; status: CampaignStatus } | { ok: false; reason: string };
