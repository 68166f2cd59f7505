import { OpenAPIHono, type z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { cors } from "hono/cors";
import type { AppEnv } from "../context";
import { ErrorBodySchema } from "../contracts/common";
import { BatchSchema, IdentifySchema, INGEST_LIMITS, IngestResultSchema, TrackSchema } from "../contracts/ingest";
import { sizeText } from "../contracts/limits";
import { ApiError, forbidden } from "../errors";
import { clientIp } from "../middleware/auth";
import { resolveApiKey } from "../services/api-keys";
import { ingestMessages } from "../services/ingest";

type Kind = "identify" | "track" | "batch";
type Json = Record<string, unknown>;
const SCHEMAS = { identify: IdentifySchema, track: TrackSchema, batch: BatchSchema } as const;

/** The key a Segment-style client sends: HTTP Basic (the key as username, no password), a Bearer token, or `writeKey` in the body. */
function keyOf(c: Context<AppEnv>, body: Json): string | null {
	const authorization = c.req.header("authorization") ?? "";
	const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
	if (bearer?.[1]) return bearer[1];
	const basic = /^Basic\s+(\S+)$/i.exec(authorization);
	if (basic?.[1]) {
		try {
			return atob(basic[1]).split(":")[0] || null;
		} catch {
			return null;
		}
	}
	return typeof body.writeKey === "string" ? body.writeKey : null;
}

/** Only an ingest key gets in: it is the key made to sit in a web page, and it can do nothing else. */
async function ingestPrincipal(c: Context<AppEnv>, body: Json) {
	const key = keyOf(c, body);
	if (!key) {
		if (c.req.header("cookie")) throw forbidden("These routes take an ingest key, not a session");
		throw new ApiError("unauthorized", "Send an ingest key as the HTTP Basic username (password empty)");
	}
	const resolved = await resolveApiKey(c.var.db, key);
	if (!resolved) throw new ApiError("unauthorized", "The API key is invalid or revoked");
	if (resolved.principal.kind !== "api_key" || !resolved.principal.ingestOnly)
		throw forbidden("These routes take an API key of role ingest");
	if (resolved.touch) c.executionCtx.waitUntil(resolved.touch);
	return resolved.principal;
}

async function readBody(c: Context<AppEnv>, kind: Kind): Promise<Json> {
	const limit = kind === "batch" ? INGEST_LIMITS.batchBytes : INGEST_LIMITS.callBytes;
	const text = await c.req.text();
	if (new TextEncoder().encode(text).length > limit)
		throw new ApiError("payload_too_large", `A ${kind} call takes at most ${sizeText(limit)}`);
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		throw new ApiError("bad_request", "The body is not valid JSON");
	}
	if (!body || typeof body !== "object" || Array.isArray(body)) throw new ApiError("bad_request", "Send a JSON object");
	return body as Json;
}

/** The messages of a call, a batch's shared `context` given to items without their own. */
function messagesOf(kind: Kind, body: Json): Json[] {
	if (kind !== "batch") return [{ ...body, type: kind }];
	const batch = (body as z.infer<typeof BatchSchema>).batch;
	return batch.map((item) => ({ ...item, context: item.context ?? body.context }));
}

const handle = (kind: Kind) => async (c: Context<AppEnv>) => {
	const body = await readBody(c, kind);
	const principal = await ingestPrincipal(c, body);
	const parsed = SCHEMAS[kind].safeParse(body);
	if (!parsed.success)
		throw new ApiError(
			"validation_failed",
			"The message does not follow the Segment spec",
			parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
		);
	const messages = messagesOf(kind, body);
	if (messages.length > INGEST_LIMITS.batchItems)
		throw new ApiError("payload_too_large", `A batch takes at most ${INGEST_LIMITS.batchItems} messages`);
	const errors = await ingestMessages(c.env, { actor: principal, ip: clientIp(c) }, messages);
	return c.json({ success: true as const, ...(errors.length > 0 ? { errors } : {}) }, 200);
};

const SUMMARY: Record<Kind, string> = {
	identify: "Segment identify: create or update the contact named by traits.email (or an email userId)",
	track: "Segment track: record an event for a contact (by email userId, context.traits.email or an identified userId)",
	batch: `Segment batch: up to ${INGEST_LIMITS.batchItems} identify and track messages (${sizeText(INGEST_LIMITS.batchBytes)}); bad messages are reported, the others kept`,
};

/** Segment-compatible ingestion: Segment, RudderStack or a web page (CORS open; the ingest key is safe to embed) send contacts and events. */
export const ingestRoutes = new OpenAPIHono<AppEnv>();
ingestRoutes.use(
	"*",
	cors({
		origin: "*",
		allowMethods: ["POST", "OPTIONS"],
		allowHeaders: ["authorization", "content-type"],
		maxAge: 86_400,
	}),
);
for (const kind of ["identify", "track", "batch"] as const) {
	ingestRoutes.post(`/${kind}`, handle(kind));
	ingestRoutes.openAPIRegistry.registerPath({
		method: "post",
		path: `/${kind}`,
		tags: ["Integrations"],
		summary: SUMMARY[kind],
		description:
			"HTTP Basic auth with an API key of role `ingest` as the username and an empty password (or `Authorization: Bearer <key>`, or `writeKey` in the body). `messageId` makes a repeated event harmless; `timestamp` is when it happened. Answers `{success: true}` like Segment, with `errors` naming the messages that were not stored. Requires: an ingest key.",
		security: [{ basicAuth: [] }, { bearerAuth: [] }],
		request: { body: { required: true, content: { "application/json": { schema: SCHEMAS[kind] } } } },
		responses: {
			200: { description: "Stored (see `errors`)", content: { "application/json": { schema: IngestResultSchema } } },
			...Object.fromEntries(
				[
					[400, "Not JSON, or not a Segment message"],
					[401, "No ingest key, or it is invalid or revoked"],
					[403, "A key of another role, or a session"],
					[413, "Larger than the spec allows"],
				].map(([status, description]) => [
					status,
					{ description, content: { "application/json": { schema: ErrorBodySchema } } },
				]),
			),
		},
	});
}
