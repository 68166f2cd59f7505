// Secrets come from .dev.vars locally and `wrangler secret put` in production;
// `wrangler types` cannot see them, so they are declared here.
declare namespace Cloudflare {
	interface Env {
		TOKEN_SECRET?: string;
		RESEND_API_KEY?: string;
		RESEND_BASE_URL?: string;
		RESEND_WEBHOOK_SECRET?: string;
		/** Set by `npm start` while it seeds the demo workspace: /health answers 503 until seeding is done. */
		STARTUP_GATE?: string;
		/** Seals workspaces' own provider keys at rest (16+ characters); unset = TOKEN_SECRET. */
		PROVIDER_KEY_SECRET?: string;
		/** Sending domains the operator gives to workspaces: `example.com=ws_123,acme.test=*` (see .dev.vars.example). */
		SENDING_DOMAINS?: string;
		/** How long a provider call may take before it counts as a (retryable) timeout; default 15000. */
		PROVIDER_TIMEOUT_MS?: string;
		/** How long a chunk may wait for its queue message before it is enqueued again; default 300000 (5 min). */
		STALE_CHUNK_MS?: string;
		/** `openai-compatible` or `workers-ai`; unset = the first one configured. */
		AI_PROVIDER?: string;
		AI_BASE_URL?: string;
		AI_API_KEY?: string;
		AI_MODEL?: string;
		/** Workers AI, when `[ai] binding = "AI"` is added to wrangler.toml. */
		AI?: Ai;
		/** Tests only: "1" lets a test set a journey shard's clock (`JourneyDO.setClockForTest`); never set in production. */
		JOURNEY_TEST_CLOCK?: string;
	}
}
