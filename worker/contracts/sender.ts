import { z } from "@hono/zod-openapi";

/**
 * Characters that never belong in text that ends up in an email header: C0 controls (CR, LF, NUL...),
 * DEL, C1 controls, the line and paragraph separators, and the bidi controls that can make
 * `evil.test` read as `tset.live` (U+061C, U+200E/F, U+202A-U+202E, U+2066-U+2069).
 */
export const UNSAFE_HEADER_CHARACTERS =
	// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
	/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
export const UNSAFE_HEADER_MESSAGE = "Remove line breaks, control characters and text-direction marks";

/** A sender's display name (`from_name`, `default_from_name`): quoted when sent, never a second header. */
export const DisplayNameSchema = z
	.string()
	.trim()
	.max(100)
	.refine((name) => !UNSAFE_HEADER_CHARACTERS.test(name), UNSAFE_HEADER_MESSAGE);

export const SENDING_DOMAIN_STATUSES = ["pending", "verified", "failed"] as const;

export const DnsRecordSchema = z
	.object({
		record: z.string().openapi({ example: "DKIM" }),
		type: z.string().openapi({ example: "TXT" }),
		name: z.string(),
		value: z.string(),
		ttl: z.string().optional(),
		priority: z.number().optional(),
		status: z.string().optional(),
	})
	.openapi("DnsRecord");
export type DnsRecord = z.infer<typeof DnsRecordSchema>;

export const SendingDomainSchema = z
	.object({
		id: z.string(),
		domain: z.string().openapi({ example: "mail.example.com" }),
		status: z.enum(SENDING_DOMAIN_STATUSES),
		source: z.enum(["provider", "operator"]).openapi({
			description: "`provider`: verified through the email provider's DNS check; `operator`: listed by the operator",
		}),
		records: z.array(DnsRecordSchema).openapi({ description: "DNS records to publish before verifying" }),
		verified_at: z.string().nullable(),
		created_at: z.string().nullable().openapi({ description: "null for domains listed by the operator" }),
	})
	.openapi("SendingDomain");
export type SendingDomain = z.infer<typeof SendingDomainSchema>;

export const SendingDomainListSchema = z
	.object({
		data: z.array(SendingDomainSchema),
		next_cursor: z.null(),
		enforced: z.boolean().openapi({
			description:
				"true when a real email provider is configured: From addresses must then use a verified domain of the workspace",
		}),
	})
	.openapi("SendingDomainList");

export const AddSendingDomainBodySchema = z
	.object({ domain: z.string().trim().toLowerCase().min(1, "Enter a domain").max(253) })
	.strict()
	.openapi("AddSendingDomainBody");

export const SendingDomainIdParamSchema = z.object({
	id: z
		.string()
		.min(1)
		.max(300)
		.openapi({ param: { name: "id", in: "path" } }),
});
