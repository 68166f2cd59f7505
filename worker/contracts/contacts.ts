import { z } from "@hono/zod-openapi";
import { jsonBytes, MAX_ATTRIBUTES_BYTES, MAX_EVENT_PROPERTIES_BYTES, sizeText } from "./limits";

export const CONTACT_STATUSES = ["subscribed", "unsubscribed", "bounced", "complained"] as const;
export const ContactStatusSchema = z.enum(CONTACT_STATUSES).openapi("ContactStatus");
export type ContactStatus = z.infer<typeof ContactStatusSchema>;

/** Per-contact limits, shared by the API and CSV imports. */
export const CONTACT_LIMITS = {
	email: 320,
	name: 200,
	attributes: 100,
	attributeValue: 2000,
	tags: 100,
	tag: 100,
	timezone: 64,
	locale: 35,
} as const;

const AttributeValue = z.union([z.string().max(CONTACT_LIMITS.attributeValue), z.number(), z.boolean(), z.null()]);
const AttributeKey = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/, "Attribute names use letters, digits, _ or -");
export const AttributesSchema = z
	.record(AttributeKey, AttributeValue)
	.refine((a) => Object.keys(a).length <= CONTACT_LIMITS.attributes, `At most ${CONTACT_LIMITS.attributes} attributes`)
	.refine(
		(a) => jsonBytes(a) <= MAX_ATTRIBUTES_BYTES,
		`Attributes take at most ${sizeText(MAX_ATTRIBUTES_BYTES)} as JSON`,
	)
	.openapi({
		description: "Free-form values; dates as ISO-8601 strings. `null` removes a key.",
		example: { city: "Berlin", plan: "pro", orders: 3 },
	});

export const ConsentSchema = z
	.object({
		source: z.string().trim().min(1).max(200).openapi({ example: "signup form on /pricing" }),
		text: z.string().max(2000).optional().openapi({ description: "The wording the person agreed to" }),
		at: z.iso.datetime({ offset: true }).optional(),
		ip: z.string().max(64).optional(),
	})
	.strict()
	.openapi("Consent");

const TagList = z.array(z.string().trim().min(1).max(CONTACT_LIMITS.tag)).max(CONTACT_LIMITS.tags);

export const ContactInputSchema = z
	.object({
		email: z.string().max(CONTACT_LIMITS.email).openapi({ example: "ada@example.com" }),
		first_name: z.string().trim().max(CONTACT_LIMITS.name).nullable().optional(),
		last_name: z.string().trim().max(CONTACT_LIMITS.name).nullable().optional(),
		attributes: AttributesSchema.optional(),
		tags: TagList.optional(),
		timezone: z.string().max(CONTACT_LIMITS.timezone).nullable().optional(),
		locale: z.string().max(CONTACT_LIMITS.locale).nullable().optional(),
		status: ContactStatusSchema.optional(),
		consent: ConsentSchema.optional(),
	})
	.strict()
	.openapi("ContactInput");
export type ContactInput = z.infer<typeof ContactInputSchema>;

export const ContactPatchSchema = ContactInputSchema.omit({ email: true }).openapi("ContactPatch");
export type ContactPatch = z.infer<typeof ContactPatchSchema>;

export const ContactSchema = z
	.object({
		id: z.string(),
		email: z.string(),
		first_name: z.string().nullable(),
		last_name: z.string().nullable(),
		attributes: z.record(z.string(), z.unknown()),
		tags: z.array(z.string()),
		timezone: z.string().nullable(),
		locale: z.string().nullable(),
		status: ContactStatusSchema,
		consent: z
			.object({ source: z.string(), text: z.string().nullable(), at: z.string().nullable(), ip: z.string().nullable() })
			.nullable(),
		created_at: z.string(),
		updated_at: z.string(),
	})
	.openapi("Contact");
export type Contact = z.infer<typeof ContactSchema>;

export const ContactDetailSchema = ContactSchema.extend({
	status_history: z.array(
		z.object({ from: ContactStatusSchema.nullable(), to: ContactStatusSchema, source: z.string(), at: z.string() }),
	),
	events: z.array(
		z.object({
			id: z.string(),
			name: z.string(),
			properties: z.record(z.string(), z.unknown()),
			occurred_at: z.string(),
		}),
	),
}).openapi("ContactDetail");

export const ContactListQuerySchema = z.object({
	limit: z.coerce.number().int().min(1).max(500).default(50),
	cursor: z.string().max(200).optional(),
	q: z.string().trim().max(200).optional().openapi({ description: "Search email, first and last name" }),
	status: ContactStatusSchema.optional(),
	tag: z.string().max(100).optional(),
	segment_id: z.string().max(64).optional(),
	list_id: z.string().max(64).optional().openapi({ description: "Only the contacts on this static list" }),
});

export const ContactsCsvQuerySchema = ContactListQuerySchema.omit({ limit: true, cursor: true });

export const EventInputSchema = z
	.object({
		email: z.string().max(320).optional(),
		contact_id: z.string().max(64).optional(),
		name: z.string().trim().min(1).max(100),
		properties: z
			.record(z.string(), z.unknown())
			.refine(
				(p) => jsonBytes(p) <= MAX_EVENT_PROPERTIES_BYTES,
				`Properties take at most ${sizeText(MAX_EVENT_PROPERTIES_BYTES)} as JSON`,
			)
			.optional(),
		occurred_at: z.iso.datetime({ offset: true }).optional(),
		idempotency_key: z.string().min(1).max(200).optional(),
	})
	.strict()
	.refine((e) => e.email || e.contact_id, { message: "Give email or contact_id", path: ["email"] });
export type EventInput = z.infer<typeof EventInputSchema>;

export const EventsBodySchema = z
	.union([EventInputSchema, z.object({ batch: z.array(EventInputSchema).min(1).max(500) }).strict()])
	.openapi("EventsBody");

export const EventsResultSchema = z
	.object({
		accepted: z.number().int(),
		duplicates: z.number().int(),
		rejected: z.array(z.object({ index: z.number().int(), reason: z.string() })),
	})
	.openapi("EventsResult");

export const ImportSchema = z
	.object({
		id: z.string(),
		status: z.enum(["running", "completed", "failed"]),
		file_name: z.string().nullable(),
		total_rows: z.number().int(),
		processed_rows: z.number().int(),
		created: z.number().int(),
		updated: z.number().int(),
		skipped: z.number().int(),
		suppressed: z.number().int(),
		error_count: z.number().int(),
		errors: z.array(z.object({ line: z.number().int(), email: z.string().nullable(), reason: z.string() })),
		failure: z.string().nullable(),
		created_at: z.string(),
		completed_at: z.string().nullable(),
	})
	.openapi("Import");
