import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import solid from "vite-plugin-solid";
import { defineConfig } from "vitest/config";
import { freePort } from "./scripts/local-server.mjs";

/** Pure domain logic: no bindings (the segment compiler's SQL is checked against D1 in test/segment-*.test.ts). */
const pureDomainTests = ["worker/domain/**/*.test.ts"];

export default defineConfig(async () => {
	const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
	// The engine tests send through the real Resend SDK to a fake Resend server (test/engine/global-setup.ts).
	const fakeResendPort = Number(process.env.FAKE_RESEND_PORT ?? (await freePort()));
	process.env.FAKE_RESEND_PORT = String(fakeResendPort);
	return {
		test: {
			projects: [
				{
					plugins: [
						cloudflareTest({
							main: "./worker/index.ts",
							wrangler: { configPath: "./wrangler.toml" },
							miniflare: {
								bindings: {
									TEST_MIGRATIONS: migrations,
									TOKEN_SECRET: "test-token-secret-0123456789abcdef",
									// Journey shards accept a controllable clock (setClockForTest) only with this flag.
									JOURNEY_TEST_CLOCK: "1",
									// A test-only Svix secret (test/webhooks.test.ts signs with it); never a real one.
									RESEND_WEBHOOK_SECRET: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
								},
							},
						}),
					],
					test: {
						name: "worker",
						include: ["worker/**/*.test.ts", "durable-objects/**/*.test.ts", "test/**/*.test.ts"],
						exclude: ["test/engine/**", ...pureDomainTests],
						setupFiles: ["./test/wrapper-prototype-fix.ts", "./test/apply-migrations.ts"],
						testTimeout: 30_000,
						// One workerd (and one load of the worker's modules) per vitest worker instead of per file
						// (seconds each): every file still starts on empty storage (`reset()` in apply-migrations.ts).
						isolate: false,
						// Its own group, so no file of another project sits between two worker files in the queue
						// (the shared workerd is kept only while the next file is a worker one).
						sequence: { groupOrder: 0 },
					},
				},
				{
					plugins: [
						cloudflareTest({
							main: "./worker/index.ts",
							wrangler: { configPath: "./wrangler.toml" },
							miniflare: {
								bindings: {
									TEST_MIGRATIONS: migrations,
									TOKEN_SECRET: "engine-token-secret-0123456789abcdef",
									RESEND_API_KEY: "re_test_engine",
									// Every engine workspace may send from engine.example (test/engine/engine-helpers.ts).
									SENDING_DOMAINS: "engine.example=*",
									RESEND_BASE_URL: `http://127.0.0.1:${fakeResendPort}`,
									FAKE_RESEND_URL: `http://127.0.0.1:${fakeResendPort}`,
									// A test-only Svix secret: the fake signs its webhook events with it (webhooks.test.ts).
									RESEND_WEBHOOK_SECRET: "whsec_ZW5naW5lLXdlYmhvb2stc2VjcmV0LTAxMjM0NTY3",
									// Above the fake's own 5 requests/s (on by default): the gate learns the lower limit from
									// the `ratelimit-*` headers of the fake's answers, as it would from Resend's.
									PROVIDER_REQUESTS_PER_SECOND: "10",
									PROVIDER_TIMEOUT_MS: "1000",
								},
							},
						}),
					],
					test: {
						name: "engine",
						include: ["test/engine/**/*.test.ts"],
						setupFiles: ["./test/wrapper-prototype-fix.ts", "./test/apply-migrations.ts"],
						globalSetup: ["./test/engine/global-setup.ts"],
						testTimeout: 120_000,
						hookTimeout: 60_000,
						fileParallelism: false,
					},
				},
				{
					// Pure domain logic (no bindings) runs in plain Node: no workerd start per file (seconds each).
					test: {
						name: "unit",
						environment: "node",
						include: pureDomainTests,
						sequence: { groupOrder: 1 },
					},
				},
				{
					// The dashboard's view logic (rule tree, live numbers, paged tables) in a simulated DOM.
					plugins: [solid()],
					test: {
						name: "app",
						environment: "jsdom",
						include: ["app/src/**/*.test.{ts,tsx}"],
						sequence: { groupOrder: 1 },
					},
				},
				{
					test: {
						name: "e2e",
						environment: "node",
						include: ["e2e/**/*.test.ts"],
						globalSetup: ["./e2e/global-setup.ts"],
						testTimeout: 60_000,
						hookTimeout: 120_000,
						fileParallelism: false,
					},
				},
			],
		},
	};
});
