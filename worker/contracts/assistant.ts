import { z } from "@hono/zod-openapi";
import type { CampaignStats, CampaignStatus } from "./campaigns";
import type { Role } from "./common";
import type { ContactStatus } from "./contacts";
import type { SegmentSchema } from "./segment-api";

export const MAX_USER_MESSAGE_CHARS = 8000;

export const AssistantStatusSchema = z
	.object({
		configured: z.boolean(),
		provider: z.string().nullable(),
		model: z.string().nullable(),
		setup_help: z.string().nullable().openapi({ description: "How to configure a model, when none is" }),
	})
	.openapi("AssistantStatus");

/** A message in the `ai` SDK's UIMessage shape; `parts` are rendered in order (text, tool calls with results). */
export const AssistantMessageSchema = z
	.object({
		id: z.string(),
		role: z.enum(["user", "assistant", "system"]),
		parts: z.array(z.record(z.string(), z.unknown())),
	})
	.openapi("AssistantMessage");

export const ConversationSchema = z
	.object({ id: z.string(), title: z.string(), created_at: z.string(), updated_at: z.string() })
	.openapi("AssistantConversation");

export const ConversationDetailSchema = ConversationSchema.extend({
	messages: z.array(AssistantMessageSchema),
}).openapi("AssistantConversationDetail");

export const CreateConversationBodySchema = z
	.object({ title: z.string().trim().min(1).max(200).optional() })
	.strict()
	.openapi("CreateAssistantConversation");

/** Only the new user message is sent: the history is the server's, so a client cannot rewrite it. */
export const ChatBodySchema = z
	.object({
		conversation_id: z.string().min(1).max(64),
		message: z
			.object({
				id: z.string().min(1).max(100),
				role: z.literal("user"),
				parts: z
					.array(z.object({ type: z.literal("text"), text: z.string().trim().min(1).max(MAX_USER_MESSAGE_CHARS) }))
					.min(1)
					.max(1),
			})
			.strip(),
	})
	.strict()
	.openapi("AssistantChatBody");
export type ChatBody = z.infer<typeof ChatBodySchema>;

type Segment = z.infer<typeof SegmentSchema>;
type CampaignRef = { id: string; name: string; status: CampaignStatus };

/** What `describe_workspace` answers: the vocabulary of the workspace's data, bounded in size. */
export type WorkspaceSummary = {
	workspace: { name: string; default_from_email: string | null; your_role: Role };
	contacts: { total: number; subscribed: number };
	attributes: { name: string; contacts: number; sample_values: (string | number | boolean)[] }[];
	tags: { tag: string; contacts: number }[];
	recent_event_names: string[];
	segments: { id: string; name: string }[];
	templates: { id: string; name: string; subject: string }[];
	/** Whether email reaches inboxes: `connected: false` is test mode (everything goes to the Outbox). */
	sending?: { connected: boolean; source: "workspace" | "environment" | "none" };
	/** Topics contacts can opt out of (a campaign's `topic_id`). */
	topics?: { id: string; name: string }[];
	recent_campaigns: {
		id: string;
		name: string;
		status: string;
		created_at: string | null;
		started_at: string | null;
		completed_at: string | null;
	}[];
};

/**
 * The assistant's tools as the chat sees them: each name with what its card shows (the output).
 * Inputs are the model's business, so they stay `unknown` here. worker/ai/tools checks at compile
 * time that every tool it defines answers at least this.
 */
export type AssistantToolTypes = {
	describe_workspace: { input: unknown; output: WorkspaceSummary };
	search_contacts: {
		input: unknown;
		output: {
			contacts: {
				id: string;
				email: string;
				name: string;
				status: ContactStatus;
				tags: string[];
				attributes: Record<string, unknown>;
			}[];
			has_more: boolean;
		};
	};
	count_segment: { input: unknown; output: { count: number; sample: string[] } };
	get_template: {
		input: unknown;
		output: { id: string; name: string; subject: string; preheader: string | null; html: string; url: string };
	};
	summarize_campaign: {
		input: unknown;
		output: {
			campaign: CampaignRef;
			stats: Omit<CampaignStats, "timeline" | "links"> & { top_links: CampaignStats["links"] };
			rates: Record<
				"delivery" | "open" | "click" | "click_to_open" | "bounce" | "complaint" | "unsubscribe",
				number | null
			>;
			findings: string[];
			suggestions: string[];
			url: string;
		};
	};
	create_segment: { input: unknown; output: { segment: Segment; url: string } };
	draft_email: {
		input: unknown;
		output: {
			template: { id: string; name: string; subject: string; preheader: string | null };
			subject_variants: string[];
			tone: string;
			language: string;
			url: string;
		};
	};
	create_campaign_draft: {
		input: unknown;
		output: { campaign: CampaignRef; audience: { total: number; sendable: number }; url: string };
	};
};
export type AssistantToolName = keyof AssistantToolTypes;
