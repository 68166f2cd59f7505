import type { ShardInput } from "../worker/contracts/journey-shard";
import type { JourneyDefinition } from "../worker/contracts/journeys";
import { createDb } from "../worker/db/client";
import { contactsMatching, type EngineJourney } from "../worker/db/journey-engine";
import { findSegmentRows } from "../worker/db/journey-segments";
import type { JourneyLoader } from "./journey-loader";
import type { JourneyStore } from "./journey-store";

/*
 * Reconciliation of `segment_leave` exits: contacts who left an exit segment by a path that never told the journeys
 * (an import, a bulk action, a segment's rule that time alone changes) exit all the same. From the cron, at most every
 * 10 minutes, each shard pages through its enrollments in flight (the cursor saved after each page, its alarm doing
 * what the cron's call leaves) and asks D1 which of their contacts are still in each exit segment of their OWN
 * version (a contact in a delay of an older version keeps that version's exits until its next step); the others go
 * through the same step as a segment change seen on the EVENTS queue.
 */

const CHECK_EVERY_MS = 10 * 60_000;
const PAGE = 500;

export type ExitCheckDeps = {
	env: Env;
	store: JourneyStore;
	loader: JourneyLoader;
	now: () => number;
	/** Applies segment changes to this shard (`receive`). */
	apply: (journey: EngineJourney, inputs: ShardInput[]) => Promise<unknown>;
};

/** The segments a definition exits on leaving. */
export const exitSegmentIds = (definition: JourneyDefinition) =>
	(definition.exit ?? []).flatMap((x) => (x.type === "segment_leave" ? [x.segment_id] : []));

export class ExitCheck {
	constructor(private readonly d: ExitCheckDeps) {}

	/** Whether a pass is under way (the alarm carries it on). */
	pending = () => this.d.store.getMeta<string>("exit_check") !== null;

	/**
	 * Starts a pass unless one ran lately or still runs, or no contact in flight here is on a version (the current one
	 * or an older one) that exits on leaving a segment; answers whether it did.
	 */
	async start(journey: EngineJourney): Promise<boolean> {
		const { store, now } = this.d;
		if (journey.status !== "active" || this.pending()) return false;
		const last = store.getMeta<number>("exit_checked_at");
		if (last !== null && now() - last < CHECK_EVERY_MS) return false;
		const exiting = await this.exitingVersionsInFlight(journey);
		store.setMeta("exit_checked_at", now());
		if (!exiting) return false;
		store.setMeta("exit_check", "");
		return true;
	}

	private async exitingVersionsInFlight(journey: EngineJourney): Promise<boolean> {
		const versions = this.d.store.inFlightVersions();
		const definitions = await this.d.loader.loadDefinitions(journey, versions);
		return versions.some((v) => exitSegmentIds(definitions.get(v) ?? journey.definition).length > 0);
	}

	/** Pages until the pass is done or out of time. */
	async some(journey: EngineJourney, budgetMs: number) {
		const { store } = this.d;
		const started = Date.now();
		let cursor = store.getMeta<string>("exit_check");
		while (cursor !== null && Date.now() - started < budgetMs) {
			cursor = await this.page(journey, cursor);
			if (cursor === null) store.deleteMeta("exit_check");
			else store.setMeta("exit_check", cursor);
		}
	}

	/** One page of enrollments after `cursor`: those whose contact left an exit segment of their version leave. */
	private async page(journey: EngineJourney, cursor: string): Promise<string | null> {
		const { env, store, loader, now } = this.d;
		const enrollments = store.inFlight(PAGE, cursor);
		if (enrollments.length === 0) return null;
		const definitions = await loader.loadDefinitions(
			journey,
			enrollments.map((e) => e.version),
		);
		const bySegment = new Map<string, Set<string>>();
		for (const e of enrollments)
			for (const id of exitSegmentIds(definitions.get(e.version) ?? journey.definition))
				bySegment.set(id, (bySegment.get(id) ?? new Set()).add(e.contactId));
		const at = now();
		const inputs: ShardInput[] = [];
		if (bySegment.size > 0) {
			const db = createDb(env.DB);
			for (const segment of await findSegmentRows(db, journey.workspaceId, [...bySegment.keys()])) {
				const ids = [...(bySegment.get(segment.id) ?? [])];
				const members = await contactsMatching(db, journey.workspaceId, ids, segment.definition, at);
				for (const contactId of ids)
					if (!members.has(contactId))
						inputs.push({
							kind: "segment",
							key: `exit-check:${at}:${segment.id}:${contactId}`,
							contactId,
							segmentId: segment.id,
							member: false,
						});
			}
		}
		if (inputs.length > 0) await this.d.apply(journey, inputs);
		return enrollments.length < PAGE ? null : (enrollments.at(-1)?.id ?? null);
	}
}
