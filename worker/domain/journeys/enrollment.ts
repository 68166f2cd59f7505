import type { JourneyDefinition } from "../../contracts/journeys";
import type { SegmentRule } from "../../contracts/segments";

/*
 * One contact's pass through a journey, as plain data the shard's storage holds, and the context the step executor
 * reads everything impure from (clock, contact, rule evaluation, engagement, frequency cap). The executor
 * (executor.ts) turns an enrollment and a context into the next enrollment and the effects to run.
 */

export type EnrollmentStatus = "active" | "waiting" | "completed" | "exited";

/** A wait_event in progress: the event it waits for (and the entry property value it must carry), until when. */
export type Waiting = {
	event: string;
	matchValue?: unknown;
	startedAt: number;
	timeoutAt: number;
	onEvent: string;
	onTimeout: string;
};

export type HistoryEntry = { nodeId: string; at: number; outcome: string };

export type Enrollment = {
	id: string;
	journeyId: string;
	contactId: string;
	version: number;
	nodeId: string;
	status: EnrollmentStatus;
	/** Active: not to run before this instant (a delay, or a send held by quiet hours or the cap). Absent: run now. */
	dueAt?: number;
	waiting?: Waiting;
	/** How many times the enrollment has arrived at each node (the iteration in an effect's idempotency key). */
	iterations: Record<string, number>;
	entryProperties: Record<string, unknown>;
	history: HistoryEntry[];
	enteredAt: number;
	endedAt?: number;
	exitReason?: string;
};

export type JourneyContact = {
	id: string;
	status: string;
	timezone: string | null;
	attributes: Record<string, unknown>;
	tags: string[];
};

export type JourneyEvent = { name: string; properties: Record<string, unknown>; occurredAt: number };

export type ExecContext = {
	now: number;
	contact: JourneyContact;
	workspaceTimezone: string;
	/** Transactional journeys ignore quiet hours and the frequency cap. */
	transactional: boolean;
	quietHours?: { start: string; end: string } | null;
	/** The frequency cap at an instant: true when a marketing send is allowed then, else the next allowed instant. */
	capAllows?: (at: number) => true | number;
	evaluateRule: (rule: SegmentRule) => boolean;
	/** Whether this enrollment's email sent at `nodeId` had a human open or click (bots and machine opens excluded). */
	engaged: (nodeId: string, kind: "opened" | "clicked") => boolean;
};

export type Effect =
	| {
			type: "send_email";
			idempotencyKey: string;
			nodeId: string;
			templateId: string;
			fromName?: string;
			fromEmail?: string;
			transactional: boolean;
	  }
	| { type: "webhook"; idempotencyKey: string; nodeId: string; url: string; body: Record<string, unknown> }
	| {
			type: "update_contact";
			idempotencyKey: string;
			nodeId: string;
			setAttributes: Record<string, string | number | boolean | null>;
			addTags: string[];
			removeTags: string[];
	  };

/** History kept per enrollment (the oldest entries are dropped past it). */
export const MAX_HISTORY = 100;

/** `${enrollment}:${node}:${iteration}`: a redelivered or replayed step carries the same key, so it runs once. */
export const idempotencyKey = (enrollment: Enrollment, nodeId: string) =>
	`${enrollment.id}:${nodeId}:${enrollment.iterations[nodeId] ?? 1}`;

export function record(enrollment: Enrollment, nodeId: string, at: number, outcome: string): Enrollment {
	const history = [...enrollment.history, { nodeId, at, outcome }];
	return { ...enrollment, history: history.length > MAX_HISTORY ? history.slice(-MAX_HISTORY) : history };
}

/** Ends an enrollment early (goal, unsubscribe, segment leave, max_iterations, a journey-wide exit). */
export function exitEnrollment(enrollment: Enrollment, reason: string, now: number): Enrollment {
	if (enrollment.status === "completed" || enrollment.status === "exited") return enrollment;
	const ended = record(enrollment, enrollment.nodeId, now, `exited:${reason}`);
	return { ...ended, status: "exited", exitReason: reason, endedAt: now, dueAt: undefined, waiting: undefined };
}

/** The status the API shows (API.md: active, completed, exited): a wait for an event is still active. */
export const publicStatus = (e: Enrollment): "active" | "completed" | "exited" =>
	e.status === "waiting" ? "active" : e.status;

export const isOver = (e: Enrollment) => e.status === "completed" || e.status === "exited";

/** Whether the executor has work for the enrollment at `now` (the shard's alarm query: status and due time). */
export function isDue(e: Enrollment, now: number): boolean {
	if (e.status === "waiting") return (e.waiting?.timeoutAt ?? 0) <= now;
	return e.status === "active" && (e.dueAt === undefined || e.dueAt <= now);
}

/** A new enrollment at the journey's start (its first arrival there). */
export function enroll(
	definition: JourneyDefinition,
	input: {
		id: string;
		journeyId: string;
		contactId: string;
		version: number;
		entryProperties?: Record<string, unknown>;
		now: number;
	},
): Enrollment {
	return {
		id: input.id,
		journeyId: input.journeyId,
		contactId: input.contactId,
		version: input.version,
		nodeId: definition.start,
		status: "active",
		iterations: { [definition.start]: 1 },
		entryProperties: input.entryProperties ?? {},
		history: [],
		enteredAt: input.now,
	};
}
