import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => {
	const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
	return {
		test: {
			projects: [
				{
					plugins: [
						cloudflareTest({
							main: "./worker/index.ts",
							wrangler: { configPath: "./wrangler.toml" },
							miniflare: {
								bindings: { TEST_MIGRATIONS: migrations, TOKEN_SECRET: "test-token-secret-0123456789abcdef" },
							},
						}),
					],
					test: {
						name: "worker",
						include: ["worker/**/*.test.ts", "durable-objects/**/*.test.ts", "test/**/*.test.ts"],
						setupFiles: ["./test/apply-migrations.ts"],
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
