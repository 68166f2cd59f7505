import type { z } from "@hono/zod-openapi";
import type { Principal } from "../context";
import type { Journey, JourneyDefinition, JourneyInputSchema, JourneyPatchSchema } from "../contracts/journeys";
import type { Db } from "../db/client";
import {
	deleteJourney,
	existingReferences,
	findJourney,
	insertJourney,
	insertJourneyVersion,
	type JourneyRow,
	journeysPage,
	updateJourney,
} from "../db/journeys";
import { newId } from "../domain/ids";
import { type JourneyIssue, journeyReferences, validateJourneyGraph } from "../domain/journeys/graph";
import { deletable, editable, type JourneyCommand, journeyTransition } from "../domain/journeys/lifecycle";
import { ApiError, notFound } from "../errors";
import { assertApproved } from "./approvals";
import { auditInsert } from "./audit";
import { type PageRequest, pageOf, startAfter } from "./pagination";

/** Where the request came from: who acts, from where, and whether Pulse runs locally (webhook URL rules). */
export type JourneyCaller = { actor: Principal; ip: string | null; local: boolean };

type Found = Awaited<ReturnType<typeof existingReferences>>;

/** What keeps a definition from running: the graph's problems, then templates and segments not in the workspace. */
function problemsWith(definition: JourneyDefinition, found: Found, local: boolean): JourneyIssue[] {
	const issues: JourneyIssue[] = validateJourneyGraph(definition, { local });
	for (const [id, node] of Object.entries(definition.nodes)) {
		if (node.type === "send_email" && !found.templateIds.has(node.template_id))
			issues.push({ path: `nodes.${id}.template_id`, message: `No template "${node.template_id}" in this workspace` });
	}
	if (definition.entry.type === "segment" && !found.segmentIds.has(definition.entry.segment_id))
		issues.push({ path: "entry.segment_id", message: `No segment "${definition.entry.segment_id}" in this workspace` });
	for (const [i, exit] of (definition.exit ?? []).entries()) {
		if (exit.type === "segment_leave" && !found.segmentIds.has(exit.segment_id))
			issues.push({ path: `exit.${i}.segment_id`, message: `No segment "${exit.segment_id}" in this workspace` });
	}
	return issues;
}

/** The problems of several definitions, their templates and segments looked up in one read. */
async function problemsOfAll(db: Db, workspaceId: string, definitions: JourneyDefinition[], local: boolean) {
	const wanted = definitions.map(journeyReferences);
	const found = await existingReferences(db, workspaceId, {
		templateIds: [...new Set(wanted.flatMap((w) => w.templateIds))],
		segmentIds: [...new Set(wanted.flatMap((w) => w.segmentIds))],
	});
	return definitions.map((definition) => problemsWith(definition, found, local));
}

async function problemsOf(db: Db, workspaceId: string, definition: JourneyDefinition, local: boolean) {
	const [issues] = await problemsOfAll(db, workspaceId, [definition], local);
	return issues ?? [];
}

const present = (row: JourneyRow, issues: JourneyIssue[]): Journey => ({
	id: row.id,
	name: row.name,
	status: row.status,
	version: row.version,
	definition: row.definition,
	transactional: row.transactional,
	issues,
	created_at: row.createdAt.toISOString(),
	updated_at: row.updatedAt.toISOString(),
	activated_at: row.activatedAt ? row.activatedAt.toISOString() : null,
});

const unprocessable = (issues: JourneyIssue[]) =>
	new ApiError("unprocessable", "The journey cannot run as defined; each issue names the step and the field", issues);

const moved = (row: JourneyRow) =>
	new ApiError("conflict", `The journey changed meanwhile (it is ${row.status}); reload and try again`);

async function existing(db: Db, workspaceId: string, id: string) {
	const row = await findJourney(db, workspaceId, id);
	if (!row) throw notFound("Journey");
	return row;
}

export async function getJourney(db: Db, workspaceId: string, id: string, local: boolean) {
	const row = await existing(db, workspaceId, id);
	return present(row, await problemsOf(db, workspaceId, row.definition, local));
}

export async function listJourneys(db: Db, workspaceId: string, page: PageRequest, local: boolean) {
	const rows = await journeysPage(db, workspaceId, startAfter(page, "desc"), page.limit + 1);
	const issues = await problemsOfAll(
		db,
		workspaceId,
		rows.map((r) => r.definition),
		local,
	);
	return pageOf(
		rows.map((row, i) => ({ ...row, issues: issues[i] ?? [] })),
		page,
		(r) => present(r, r.issues),
	);
}

/** A new journey is a draft: it may be incomplete (its `issues` say what activation needs). */
export async function createJourney(db: Db, caller: JourneyCaller, input: z.output<typeof JourneyInputSchema>) {
	const { workspaceId } = caller.actor;
	const row = await insertJourney(db, {
		id: newId("jny"),
		workspaceId,
		name: input.name,
		status: "draft",
		version: 1,
		definition: input.definition,
		transactional: input.transactional ?? false,
	});
	await auditInsert(db, { ...caller, workspaceId, action: "journey.created", target: { type: "journey", id: row.id } });
	return present(row, await problemsOf(db, workspaceId, row.definition, caller.local));
}

/**
 * A draft changes in place. A new definition for an active or paused journey must be valid and becomes a new
 * version (new entries use it; contacts in flight move to it at their next step when that step still exists).
 */
export async function patchJourney(
	db: Db,
	caller: JourneyCaller,
	id: string,
	patch: z.output<typeof JourneyPatchSchema>,
) {
	const { workspaceId } = caller.actor;
	const row = await existing(db, workspaceId, id);
	if (!editable(row.status)) throw new ApiError("conflict", "An archived journey cannot be changed");
	const definition = patch.definition ?? row.definition;
	const issues = await problemsOf(db, workspaceId, definition, caller.local);
	const newVersion = patch.definition !== undefined && row.status !== "draft";
	if (newVersion && issues.length > 0) throw unprocessable(issues);
	const version = newVersion ? row.version + 1 : row.version;
	const updated = await updateJourney(db, row, {
		...(patch.name !== undefined ? { name: patch.name } : {}),
		...(patch.transactional !== undefined ? { transactional: patch.transactional } : {}),
		definition,
		version,
	});
	if (!updated) throw moved(row);
	if (newVersion) await insertJourneyVersion(db, { journeyId: id, version, definition });
	await auditInsert(db, {
		...caller,
		workspaceId,
		action: "journey.updated",
		target: { type: "journey", id },
		metadata: { version },
	});
	return present(updated, issues);
}

export async function journeyCommand(db: Db, caller: JourneyCaller, id: string, command: JourneyCommand) {
	const { workspaceId } = caller.actor;
	const row = await existing(db, workspaceId, id);
	const next = journeyTransition(row.status, command);
	if (!next.ok) throw new ApiError("conflict", next.reason);
	if (command === "activate") {
		await assertApproved(db, workspaceId, "journey", id);
		const issues = await problemsOf(db, workspaceId, row.definition, caller.local);
		if (issues.length > 0) throw unprocessable(issues);
	}
	const updated = await updateJourney(db, row, {
		status: next.status,
		...(command === "activate" ? { activatedAt: new Date() } : {}),
	});
	if (!updated) throw moved(row);
	if (command === "activate")
		await insertJourneyVersion(db, { journeyId: id, version: row.version, definition: row.definition });
	await auditInsert(db, { ...caller, workspaceId, action: `journey.${command}`, target: { type: "journey", id } });
	return { status: updated.status, version: updated.version };
}

export async function removeJourney(db: Db, caller: JourneyCaller, id: string) {
	const { workspaceId } = caller.actor;
	const row = await existing(db, workspaceId, id);
	if (!deletable(row.status))
		throw new ApiError("conflict", `A journey that is ${row.status} cannot be deleted; archive it first`);
	await deleteJourney(db, workspaceId, id);
	await auditInsert(db, { ...caller, workspaceId, action: "journey.deleted", target: { type: "journey", id } });
}
