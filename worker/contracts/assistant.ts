import { z } from "@hono/zod-openapi";

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
