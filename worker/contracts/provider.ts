import { z } from "@hono/zod-openapi";

/** Whether a workspace's email leaves the machine, and with which key; never the key itself. */
export const ProviderStatusSchema = z
	.object({
		connected: z.boolean().openapi({ description: "false: test mode, every email goes to the Outbox" }),
		source: z.enum(["workspace", "environment", "none"]).openapi({
			description:
				"`workspace`: an owner connected this workspace's own Resend key; `environment`: the operator's RESEND_API_KEY; `none`: the capture Outbox",
		}),
		provider: z.enum(["resend"]).nullable(),
		key_last4: z.string().optional().openapi({ description: "The last four characters of the workspace's key" }),
		connected_at: z.string().optional(),
	})
	.openapi("ProviderStatus");
export type ProviderStatus = z.infer<typeof ProviderStatusSchema>;

export const ConnectProviderBodySchema = z
	.object({
		resend_api_key: z
			.string()
			.trim()
			.min(8, "Paste the whole API key from resend.com/api-keys")
			.max(200)
			.regex(/^\S+$/, "An API key has no spaces")
			.openapi({ example: "re_123456789_abcdefghijklmnop" }),
	})
	.strict()
	.openapi("ConnectProviderBody");
