import * as small from "../worker/db/journey-shard/bookkeeping";
import * as effects from "../worker/db/journey-shard/effects";
import * as enrollments from "../worker/db/journey-shard/enrollments";
import { blankContact, cancelEffects } from "../worker/db/journey-shard/erase";
import { LifecycleOutbox } from "../worker/db/journey-shard/lifecycle";
import { createShardTables } from "../worker/db/journey-shard/tables";
import { type CounterDelta, countChange } from "../worker/domain/journeys/counters";
import type { Effect, Enrollment } from "../worker/domain/journeys/enrollment";
import { isOver } from "../worker/domain/journeys/enrollment";

export type { StoredEffect } from "../worker/db/journey-shard/effects";

/*
 * A journey shard's storage as its steps use it (the SQL is in worker/db/journey-shard/): saving a step writes the
 * enrollment, its effects, its lifecycle webhooks, the counters and the D1 mirror row in the caller's transaction.
 */
export class JourneyStore {
	/** Entries and exits owed to the workspace's webhook endpoints. */
	readonly lifecycle: LifecycleOutbox;

	private readonly sql: SqlStorage;

	constructor(private readonly storage: DurableObjectStorage) {
		this.sql = storage.sql;
		createShardTables(this.sql);
		this.lifecycle = new LifecycleOutbox(this.sql);
	}

	/** Runs `write` as one storage transaction: all of its writes land, or none. */
	transaction<T>(write: () => T): T {
		return this.storage.transactionSync(write);
	}

	due = (now: number, limit: number) => enrollments.dueEnrollments(this.sql, now, limit);
	nextDue = () => enrollments.nextDueAt(this.sql);
	ofContact = (contactId: string) => enrollments.enrollmentsOfContact(this.sql, contactId);
	waitingFor = (event: string, contactId: string) => enrollments.enrollmentsWaitingFor(this.sql, event, contactId);
	inFlight = (limit: number, afterId = "") => enrollments.inFlightEnrollments(this.sql, limit, afterId);
	inFlightVersions = () => enrollments.inFlightVersions(this.sql);
	page = (filter: enrollments.EnrollmentFilter) => enrollments.enrollmentPage(this.sql, filter);

	/** Stores a step's result: the enrollment, its effects (a key already there is not added twice), the counters. */
	save(before: Enrollment | null, after: Enrollment, made: readonly Effect[], now: number, delta?: CounterDelta) {
		const over = isOver(after);
		const dueAt = over ? null : (after.dueAt ?? (after.status === "waiting" ? after.waiting?.timeoutAt : now) ?? now);
		const waitEvent = after.status === "waiting" ? (after.waiting?.event ?? null) : null;
		enrollments.upsertEnrollment(this.sql, { ...after, dueAt, waitEvent }, after);
		for (const effect of made) effects.insertEffect(this.sql, after.id, after.contactId, effect, now);
		if (!before) this.lifecycle.record("journey.enrolled", after, now);
		if (over && (!before || !isOver(before))) this.lifecycle.record("journey.exited", after, now);
		const changed = countChange(before, after, delta);
		if (!delta) this.count(changed);
		if (!before || before.status !== after.status)
			small.upsertMirror(this.sql, {
				enrollment_id: after.id,
				contact_id: after.contactId,
				status: after.status === "waiting" ? "active" : after.status,
				updated_at: now,
			});
	}

	count(delta: CounterDelta) {
		for (const [key, n] of delta) if (n !== 0) small.addCounter(this.sql, key, n);
	}

	counters = () => small.allCounters(this.sql);

	pendingEffects = (now: number, limit: number) => effects.pendingEffects(this.sql, now, limit);
	nextEffect = () => effects.nextEffectAt(this.sql);
	effectDone = (key: string) => effects.markEffectDone(this.sql, key);
	effectRetry = (key: string, at: number, error: string, giveUp: boolean) =>
		effects.markEffectRetry(this.sql, key, at, error, giveUp);
	effectStatus = (key: string) => effects.effectStatus(this.sql, key);
	/** Not run (its contact is gone): cancelled, its webhook body emptied. */
	effectCancelled = (key: string) => cancelEffects(this.sql, "key = ?", key);
	/** An erased contact's personal data out of their enrollments and effects (see journey-shard/erase.ts). */
	blankContact = (contactId: string) => blankContact(this.sql, contactId);

	/** True the first time a key is seen (an event or a batch item), false on a redelivery. */
	firstSeen = (key: string, now: number) => small.insertSeen(this.sql, key, now);
	forgetSeen = (before: number) => small.deleteSeenBefore(this.sql, before);

	/** Records whether the contact is in the segment; answers whether that changed (entered / left). */
	segmentMember = (segmentId: string, contactId: string, member: boolean) =>
		small.setSegmentMember(this.sql, segmentId, contactId, member);
	isSegmentMember = (segmentId: string, contactId: string) => small.isSegmentMember(this.sql, segmentId, contactId);
	segmentMembersBetween = (segmentId: string, after: string, upTo: string | null) =>
		small.segmentMembersBetween(this.sql, segmentId, after, upTo);

	mirrorPending = (limit: number) => small.mirrorPending(this.sql, limit);
	mirrored = (rows: { enrollment_id: string; updated_at: number }[]) => small.deleteMirrored(this.sql, rows);

	getMeta = <T>(key: string) => small.getMeta<T>(this.sql, key);
	setMeta = (key: string, value: unknown) => small.setMeta(this.sql, key, value);
	deleteMeta = (key: string) => small.deleteMeta(this.sql, key);
}
