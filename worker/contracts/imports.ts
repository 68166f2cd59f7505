import { z } from "@hono/zod-openapi";
import { CONTACT_LIMITS } from "./contacts";

/** What the person confirms by ticking the consent box; stored as each new contact's consent text. */
export const IMPORT_CONSENT_TEXT = "These people agreed to receive email from us";
export const IMPORT_TAGS_MAX = 20;

const FIELD_CHOICES = ["email", "first_name", "last_name", "tags", "status", "timezone", "locale", "skip", "attribute"];

export const ColumnChoiceSchema = z
	.string()
	.refine(
		(v) => FIELD_CHOICES.includes(v) || /^attribute:[A-Za-z_][A-Za-z0-9_ -]{0,63}$/.test(v),
		"Use a contact field (email, first_name, last_name, tags, status, timezone, locale), skip, attribute or attribute:<name>",
	);

const truthy = z
	.enum(["1", "true", "yes", "on", "0", "false", "no", "off", ""])
	.transform((v) => ["1", "true", "yes", "on"].includes(v));

/**
 * Optional settings of an import, as query parameters (a `text/csv` body) or multipart fields next to
 * `file`. All additive: without them a file imports as before.
 */
export const ImportOptionsSchema = z.object({
	consent: truthy.optional().openapi({
		description: `\`1\`: the uploader confirms "${IMPORT_CONSENT_TEXT}"; recorded as each new contact's consent (source \`import\`)`,
	}),
	tags: z
		.string()
		.max(IMPORT_TAGS_MAX * (CONTACT_LIMITS.tag + 1))
		.optional()
		.transform((v) => [
			...new Set(
				(v ?? "")
					.split(";")
					.map((t) => t.trim())
					.filter((t) => t !== ""),
			),
		])
		.pipe(
			z
				.array(z.string().max(CONTACT_LIMITS.tag, `A tag has at most ${CONTACT_LIMITS.tag} characters`))
				.max(IMPORT_TAGS_MAX, `At most ${IMPORT_TAGS_MAX} tags`),
		)
		.openapi({
			type: "string",
			description: "Tags added to every imported contact, `;`-separated",
			example: "webinar;2026",
		}),
	mapping: z
		.string()
		.max(64 * 1024)
		.optional()
		.transform((v, ctx) => {
			if (!v) return undefined;
			try {
				return JSON.parse(v) as unknown;
			} catch {
				ctx.addIssue({ code: "custom", message: "Not valid JSON" });
				return z.NEVER;
			}
		})
		.pipe(z.record(z.string(), ColumnChoiceSchema).optional())
		.openapi({
			type: "string",
			description:
				'JSON object from a header of the file to what its column becomes: a contact field, `skip`, `attribute` or `attribute:<name>`. Columns it does not name are mapped by their header. Example: `{"E-mail":"email","Notes":"skip","Plan":"attribute:plan_name"}`',
		}),
});
export type ImportOptions = z.output<typeof ImportOptionsSchema>;
