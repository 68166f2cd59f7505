import { z } from "@hono/zod-openapi";

export const SignupFormInputSchema = z
	.object({
		name: z.string().trim().min(1).max(200).openapi({ example: "Newsletter (footer)" }),
		consent_text: z.string().trim().min(1).max(2000).openapi({
			example: "Yes, send me the monthly newsletter. I can unsubscribe at any time.",
			description: "The wording shown next to the button; recorded with each contact the form brings in",
		}),
		tags: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
		ask_name: z.boolean().default(false).openapi({ description: "Ask for a first name too" }),
	})
	.strict()
	.openapi("SignupFormInput");

export const SignupFormSchema = z
	.object({
		id: z.string(),
		name: z.string(),
		consent_text: z.string(),
		tags: z.array(z.string()),
		ask_name: z.boolean(),
		url: z.string().openapi({ description: "The form page Pulse serves (link to it or embed it in an iframe)" }),
		embed_html: z.string().openapi({ description: "An iframe snippet to paste into a site" }),
		created_at: z.string(),
	})
	.openapi("SignupForm");
export type SignupForm = z.infer<typeof SignupFormSchema>;
