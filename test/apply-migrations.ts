import { applyD1Migrations, reset } from "cloudflare:test";
import { env } from "cloudflare:workers";

// Test files share a workerd (`isolate: false` in vitest.config.ts): each one starts on empty storage
// (D1, Durable Objects and their alarms), as it would in a workerd of its own.
await reset();
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
