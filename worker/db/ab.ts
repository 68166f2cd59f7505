import { and, asc, eq } from "drizzle-orm";
import type { AbPhase } from "../contracts/ab";
import type { Db } from "./client";
import { inJson } from "./messages";
import { campaignAbTests, campaignVariants } from "./schema-ab";
import { messages } from "./schema-contacts";

export type VariantRow = typeof campaignVariants.$inferSelect;
export type AbTestRow = typeof campaignAbTests.$inferSelect;
export type NewAbTest = Pick<
	AbTestRow,
	"testPercent" | "metric" | "goalEvent" | "goalWindow" | "duration" | "autoSendWinner"
>;

export function variantsOf(db: Db, campaignId: string): Promise<VariantRow[]> {
	return db
		.select()
		.from(campaignVariants)
		.where(eq(campaignVariants.campaignId, campaignId))
		.orderBy(asc(campaignVariants.position));
}

export async function abTestOf(db: Db, campaignId: string): Promise<AbTestRow | undefined> {
	return db.select().from(campaignAbTests).where(eq(campaignAbTests.campaignId, campaignId)).get();
}

/** The variants and A/B settings of many campaigns (two reads), for lists and single campaigns alike. */
export async function abSetupsOf(db: Db, campaignIds: string[]) {
	if (campaignIds.length === 0) return new Map<string, { test: AbTestRow; variants: VariantRow[] }>();
	const [tests, variants] = await db.batch([
		db.select().from(campaignAbTests).where(inJson(campaignAbTests.campaignId, campaignIds)),
		db
			.select()
			.from(campaignVariants)
			.where(inJson(campaignVariants.campaignId, campaignIds))
			.orderBy(asc(campaignVariants.campaignId), asc(campaignVariants.position)),
	]);
	return new Map(
		tests.map((test) => [
			test.campaignId,
			{ test, variants: variants.filter((v) => v.campaignId === test.campaignId) },
		]),
	);
}

/** Replaces a campaign's variants and A/B settings in one batch (null: the campaign is no longer an A/B test). */
export async function saveAbSetup(
	db: Db,
	campaignId: string,
	setup: { test: NewAbTest; variants: Omit<VariantRow, "campaignId" | "position">[] } | null,
) {
	const clear = [
		db.delete(campaignVariants).where(eq(campaignVariants.campaignId, campaignId)),
		db.delete(campaignAbTests).where(eq(campaignAbTests.campaignId, campaignId)),
	] as const;
	if (!setup) {
		await db.batch(clear);
		return;
	}
	await db.batch([
		...clear,
		db.insert(campaignAbTests).values({ campaignId, ...setup.test }),
		db.insert(campaignVariants).values(setup.variants.map((v, position) => ({ ...v, campaignId, position }))),
	]);
}

/** Mirrors the campaign object's phase (and winner, when decided) for reads that do not wake the object. */
export async function mirrorAbPhase(
	db: Db,
	campaignId: string,
	change: {
		phase: AbPhase;
		startedAt?: number;
		winner?: { variantId: string; significant: boolean; reason: string; decidedAt: number } | null;
		winnerFromChunk?: string;
	},
) {
	await db
		.update(campaignAbTests)
		.set({
			phase: change.phase,
			...(change.startedAt === undefined ? {} : { startedAt: new Date(change.startedAt) }),
			...(change.winner
				? {
						winnerVariantId: change.winner.variantId,
						winnerSignificant: change.winner.significant,
						winnerReason: change.winner.reason,
						decidedAt: new Date(change.winner.decidedAt),
					}
				: {}),
			...(change.winnerFromChunk === undefined ? {} : { winnerFromChunk: change.winnerFromChunk }),
			updatedAt: new Date(),
		})
		.where(eq(campaignAbTests.campaignId, campaignId));
}

/** Which of these contacts already have a message of the campaign (the test group, once its fan-out ran). */
export async function contactsWithMessages(db: Db, campaignId: string, contactIds: string[]): Promise<Set<string>> {
	if (contactIds.length === 0) return new Set();
	const rows = await db
		.select({ contactId: messages.contactId })
		.from(messages)
		.where(
			and(eq(messages.campaignId, campaignId), eq(messages.stepId, "main"), inJson(messages.contactId, contactIds)),
		);
	return new Set(rows.map((r) => r.contactId));
}
