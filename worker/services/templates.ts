import type { Principal } from "../context";
import { createDb, type Db } from "../db/client";
import { findContactRow } from "../db/contacts";
import {
	deleteTemplateRow,
	findTemplateRow,
	insertTemplate,
	type TemplateRow,
	templateCategories,
	templatePage,
	updateTemplateRow,
} from "../db/templates";
import { normalizeEmail } from "../domain/contacts/email";
import { newId } from "../domain/ids";
import {
	checkTemplate,
	type RenderContact,
	type RenderContext,
	renderEmail,
	TemplateError,
	type TemplateSource,
} from "../domain/templates/render";
import { ApiError, notFound } from "../errors";
import { presentContacts } from "./contacts-present";
import { pageOf, startAfter } from "./pagination";
import { checkBlockLiquid, nextSource, type SourceInput } from "./template-source";
import { getWorkspace } from "./workspace";

type TemplateFields = {
	name: string;
	subject: string;
	preheader?: string | null;
	text?: string | null;
	category?: string | null;
	archived?: boolean;
} & SourceInput;

export const SAMPLE_CONTACT: RenderContact = {
	id: "ctc_sample",
	email: "ada@example.com",
	first_name: "Ada",
	last_name: "Lovelace",
	attributes: { city: "London" },
	tags: ["sample"],
};

/** Template syntax errors become 422 with the field, line and column of each. */
export function asApiError(error: unknown): unknown {
	if (!(error instanceof TemplateError)) return error;
	const first = error.issues[0];
	const where = first?.line ? ` (line ${first.line}, column ${first.column})` : "";
	return new ApiError(
		"unprocessable",
		`The ${first?.path ?? "template"} does not render: ${first?.message ?? ""}${where}`,
		error.issues,
	);
}

function validate(source: TemplateSource) {
	try {
		checkTemplate(source);
	} catch (error) {
		throw asApiError(error);
	}
}

/** The API's template (snake_case; `workspace_id` included, as it always was). */
const present = (r: TemplateRow) => ({
	id: r.id,
	workspace_id: r.workspaceId,
	name: r.name,
	subject: r.subject,
	preheader: r.preheader,
	html: r.html,
	text: r.text,
	editor: r.editor,
	blocks: r.editor === "blocks" ? r.blocks : null,
	category: r.category ?? null,
	archived: r.archivedAt !== null,
	created_at: r.createdAt.toISOString(),
	updated_at: r.updatedAt.toISOString(),
});

async function findTemplate(d1: D1Database, workspaceId: string, id: string) {
	const row = await findTemplateRow(createDb(d1), workspaceId, id);
	if (!row) throw notFound("Template");
	return row;
}

export async function getTemplate(d1: D1Database, workspaceId: string, id: string) {
	return present(await findTemplate(d1, workspaceId, id));
}

/** The library's shelves: each category with its templates in use and archived. */
export async function listTemplateCategories(db: Db, workspaceId: string) {
	return { data: await templateCategories(db, workspaceId) };
}

export async function listTemplates(
	d1: D1Database,
	workspaceId: string,
	page: { limit: number; cursor?: string; category?: string; archived?: "true" | "false" },
) {
	const shelf = { category: page.category, archived: page.archived === "true" };
	const rows = await templatePage(createDb(d1), workspaceId, startAfter(page, "desc"), page.limit + 1, shelf);
	return pageOf(rows, page, present);
}

export async function createTemplate(d1: D1Database, actor: Principal, input: TemplateFields) {
	const source = nextSource(null, input);
	if (source.blocks) checkBlockLiquid(source.html, source.blocks);
	validate({ ...input, html: source.html });
	const id = newId("tpl");
	const now = new Date();
	await insertTemplate(createDb(d1), {
		id,
		workspaceId: actor.workspaceId,
		name: input.name,
		subject: input.subject,
		preheader: input.preheader ?? null,
		html: source.html,
		text: input.text ?? null,
		editor: source.editor,
		blocks: source.blocks,
		category: input.category ?? null,
		archivedAt: input.archived ? now : null,
		createdAt: now,
		updatedAt: now,
	});
	return getTemplate(d1, actor.workspaceId, id);
}

export async function updateTemplate(d1: D1Database, actor: Principal, id: string, patch: Partial<TemplateFields>) {
	const current = await findTemplate(d1, actor.workspaceId, id);
	const source = nextSource(current, patch);
	const next = {
		name: patch.name ?? current.name,
		subject: patch.subject ?? current.subject,
		preheader: patch.preheader === undefined ? current.preheader : patch.preheader,
		html: source.html,
		text: patch.text === undefined ? current.text : patch.text,
		editor: source.editor,
		blocks: source.blocks,
		category: patch.category === undefined ? current.category : patch.category,
		archivedAt: patch.archived === undefined ? current.archivedAt : patch.archived ? new Date() : null,
	};
	if (source.blocks) checkBlockLiquid(source.html, source.blocks);
	validate(next);
	await updateTemplateRow(createDb(d1), actor.workspaceId, id, { ...next, updatedAt: new Date() });
	return getTemplate(d1, actor.workspaceId, id);
}

export async function deleteTemplate(d1: D1Database, actor: Principal, id: string) {
	await findTemplate(d1, actor.workspaceId, id);
	await deleteTemplateRow(createDb(d1), actor.workspaceId, id);
}

export type PreviewAs = {
	contact_id?: string;
	contact?: {
		email?: string;
		first_name?: string | null;
		last_name?: string | null;
		attributes?: Record<string, unknown>;
	};
};

/** The contact a preview or test is rendered for: a real one of this workspace, or sample data. */
export async function contactForPreview(d1: D1Database, workspaceId: string, as: PreviewAs): Promise<RenderContact> {
	if (as.contact_id) {
		const db = createDb(d1);
		const row = await findContactRow(db, workspaceId, as.contact_id);
		if (!row) throw notFound("Contact");
		const [contact] = await presentContacts(db, [row]);
		if (!contact) throw notFound("Contact");
		return contact;
	}
	if (!as.contact) return SAMPLE_CONTACT;
	const attributes = Object.fromEntries(Object.entries(as.contact.attributes ?? {}).filter(([, v]) => v !== null));
	return {
		...SAMPLE_CONTACT,
		email: as.contact.email ?? SAMPLE_CONTACT.email,
		first_name: as.contact.first_name ?? null,
		last_name: as.contact.last_name ?? null,
		attributes,
	};
}

type RenderEnv = { d1: D1Database; secret: string; baseUrl: string };

/**
 * Renders exactly as a send would, for one contact, with preview links: the pixel, tracked links and
 * unsubscribe link look and behave like the real ones but never record or change anything. Used for
 * every rendering that is not a campaign send (previews, the editor's live render, test sends).
 */
export async function renderFor(
	env: RenderEnv,
	workspaceId: string,
	source: TemplateSource,
	contact: RenderContact,
	messageId: string,
) {
	const workspace = await getWorkspace(createDb(env.d1), workspaceId);
	const ctx: RenderContext = {
		contact,
		workspace: { id: workspace.id, name: workspace.name, postal_address: workspace.postalAddress },
		messageId,
		baseUrl: env.baseUrl,
		tracking: { opens: true, clicks: true },
		secret: env.secret,
		preview: true,
	};
	try {
		return await renderEmail(source, ctx);
	} catch (error) {
		throw asApiError(error);
	}
}

export function checkTestRecipients(to: string[]) {
	return to.map((address, index) => {
		const email = normalizeEmail(address);
		if (!email.ok)
			throw new ApiError("validation_failed", email.reason, [{ path: `to.${index}`, message: email.reason }]);
		return email.email;
	});
}
