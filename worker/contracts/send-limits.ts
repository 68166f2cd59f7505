import { z } from "@hono/zod-openapi";

/** A wall-clock time of day, 24-hour. */
export const HhMmSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "A local time as HH:MM (24-hour)");

export const FrequencyCapSchema = z
	.object({
		max: z.number().int().min(1).max(1000),
		per: z.string().min(2).max(32).openapi({ example: "P1D", description: "ISO-8601 duration, PT1S to P1Y" }),
	})
	.strict()
	.openapi("FrequencyCap");

export const QuietHoursSchema = z
	.object({ start: HhMmSchema.openapi({ example: "21:00" }), end: HhMmSchema.openapi({ example: "08:00" }) })
	.strict()
	.openapi("QuietHours");
