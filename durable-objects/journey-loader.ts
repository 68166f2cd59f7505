import type { JourneyDefinition } from "../worker/contracts/journeys";
import { createDb } from "../worker/db/client";
import { type EngineJourney, engineJourney, journeyVersionDefinition } from "../worker/db/journey-engine";
import type { Enrollment } from "../worker/domain/journeys/enrollment";
import { loadContexts } from "../worker/services/journey-context";
import type { Step } from "./journey-steps";
import type { JourneyStore } from "./journey-store";

/** A journey's row is read again after this long (lifecycle commands refresh it at once). */
const JOURNEY_TTL_MS = 2_000;

/**
 * What a shard reads from D1 before a step: its journey (D1's row is the source of truth for status and version,
 * cached briefly), the definitions of the versions its enrollments are on, and the contacts' contexts.
 */
export class JourneyLoader {
	private cached: { journey: EngineJourney; at: number } | null = null;
	private readonly definitions = new Map<number, JourneyDefinition>();

	constructor(
		private readonly env: Env,
		private readonly store: JourneyStore,
	) {}

	/** The journey given (remembered as this shard's) or the one remembered; `fresh` skips the cache. */
	async journey(journeyId?: string, fresh = false): Promise<EngineJourney | null> {
		const id = journeyId ?? this.store.getMeta<string>("journey_id");
		if (!id) return null;
		if (!fresh && this.cached?.journey.id === id && Date.now() - this.cached.at < JOURNEY_TTL_MS)
			return this.cached.journey;
		const journey = await engineJourney(createDb(this.env.DB), id);
		if (!journey) return null;
		if (journeyId) this.store.setMeta("journey_id", journeyId);
		this.cached = { journey, at: Date.now() };
		this.definitions.set(journey.version, journey.definition);
		return journey;
	}

	/** The definitions of these versions (the current one is always loaded). */
	async loadDefinitions(journey: EngineJourney, versions: Iterable<number>) {
		for (const version of new Set(versions)) {
			if (this.definitions.has(version)) continue;
			const definition = await journeyVersionDefinition(createDb(this.env.DB), journey.id, version);
			if (definition) this.definitions.set(version, definition);
		}
		return this.definitions;
	}

	/** Everything a synchronous step needs for these contacts and enrollments. */
	async prepare(journey: EngineJourney, contactIds: string[], enrollments: Enrollment[], now: number): Promise<Step> {
		const definitions = await this.loadDefinitions(
			journey,
			enrollments.map((e) => e.version),
		);
		const contexts = await loadContexts(this.env, {
			workspaceId: journey.workspaceId,
			journeyId: journey.id,
			contactIds,
			enrollmentIds: enrollments.map((e) => e.id),
			definitions: [...definitions.values()],
			transactional: journey.transactional,
			now,
		});
		return { store: this.store, journey, definitions, contexts, now };
	}
}
