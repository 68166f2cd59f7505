import { z } from "@hono/zod-openapi";

export const HealthDetailSchema = z
	.object({
		at: z.string(),
		queue: z.object({
			backlog: z.number().openapi({ description: "Chunks waiting to be sent (queued or frozen)" }),
			stale: z.number().openapi({ description: "Of those, waiting longer than `stale_after_minutes`" }),
			stale_after_minutes: z.number(),
			oldest_waiting_at: z.string().nullable(),
		}),
		dead_letters: z.object({
			chunks: z.number().openapi({ description: "Chunks that exhausted their retries in the last 24 hours" }),
			messages_failed: z.number().openapi({ description: "Recipients marked failed in the last 24 hours" }),
		}),
		provider: z.object({
			errors_last_hour: z.number(),
			rate_limited_last_hour: z.number().openapi({ description: "Chunks whose last answer was a 429" }),
			requests_per_second_limit: z.number().nullable().openapi({ description: "Null for the capture Outbox" }),
			rate_used: z
				.number()
				.nullable()
				.openapi({ description: "Share of the provider's request limit used in the last minute (0 to 1)" }),
		}),
		cron: z.object({ last_run_at: z.string().nullable(), last_daily_run_at: z.string().nullable() }),
		database: z.object({ bytes: z.number().nullable() }),
	})
	.openapi("HealthDetail");
export type HealthDetail = z.infer<typeof HealthDetailSchema>;
