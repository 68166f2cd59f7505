declare namespace Cloudflare {
	interface Env {
		TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
		FAKE_RESEND_URL?: string;
		/** "1" in the worker test project: journey shards accept a controllable clock. */
		JOURNEY_TEST_CLOCK?: string;
	}
}
