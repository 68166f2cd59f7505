import { type JourneyDefinition, JourneyDefinitionSchema } from "../../contracts/journeys";
import { type Enrollment, type ExecContext, enroll } from "./enrollment";

/* Fixtures for the executor's tests: a journey from plain nodes, a context with a controllable clock. */

export const T0 = Date.parse("2026-06-10T10:00:00Z"); // a Wednesday, 12:00 in Berlin
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const journey = (nodes: Record<string, unknown>, extra: Record<string, unknown> = {}): JourneyDefinition =>
	JourneyDefinitionSchema.parse({ entry: { type: "api" }, start: Object.keys(nodes)[0], nodes, ...extra });

export function context(
	overrides: Partial<ExecContext> = {},
	contact: Partial<ExecContext["contact"]> = {},
): ExecContext {
	return {
		now: T0,
		contact: { id: "c1", status: "subscribed", timezone: "Europe/Berlin", attributes: {}, tags: [], ...contact },
		workspaceTimezone: "UTC",
		transactional: false,
		evaluateRule: () => false,
		engaged: () => false,
		...overrides,
	};
}

export const start = (definition: JourneyDefinition, id = "enr_1", entryProperties: Record<string, unknown> = {}) =>
	enroll(definition, { id, journeyId: "jny_1", contactId: "c1", version: 1, entryProperties, now: T0 });

export const outcomes = (e: Enrollment) => e.history.map((h) => `${h.nodeId}:${h.outcome}`);
