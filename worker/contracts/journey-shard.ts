/*
 * What the journey shards (durable-objects/journey-do.ts) take and answer over RPC. Expected refusals come back as
 * values (`{ok: false, reason}`), never as thrown errors.
 */

/** One entry request: a contact, the entry's properties (an event's), and when to start (date entries' local time). */
export type EnrollRequest = {
	contactId: string;
	properties?: Record<string, unknown>;
	startAt?: number;
	/** Applied once: a request with a key already seen enters nobody (a date pass run twice the same day). */
	key?: string;
};

export type EnrollResult =
	| { contactId: string; ok: true; enrollmentId: string }
	| {
			contactId: string;
			ok: false;
			reason: "not_active" | "already_entered" | "in_journey" | "cooldown" | "unknown_contact" | "not_subscribed";
	  };

/** Something that happened to a contact, for the shard of that contact (each `key` is applied once). */
export type ShardInput =
	| {
			kind: "event";
			key: string;
			contactId: string;
			name: string;
			properties: Record<string, unknown>;
			occurredAt: number;
	  }
	| { kind: "unsubscribed"; key: string; contactId: string; at: number }
	/** Whether the contact is in the segment now (segment entry and segment_leave exits). */
	| { kind: "segment"; key: string; contactId: string; segmentId: string; member: boolean };

/**
 * Segment members recorded on activation: entered (include_existing) or only remembered as already in. A
 * reconciliation page also gives its id `range`: members recorded in it but not given have left the segment.
 */
export type SeedRequest = {
	segmentId: string;
	contactIds: string[];
	enroll: boolean;
	range?: { after: string; upTo: string | null };
};

export type EnrollmentView = {
	id: string;
	contact_id: string;
	status: "active" | "completed" | "exited";
	node_id: string;
	version: number;
	entered_at: string;
	exited_at?: string;
	exit_reason?: string;
	history: { node_id: string; at: string; outcome: string }[];
};
