import type { z } from "@hono/zod-openapi";
import { publicBaseUrl } from "../config";
import type { Principal } from "../context";
import type { SignupForm, SignupFormInputSchema } from "../contracts/signup-forms";
import type { Db } from "../db/client";
import {
	deleteFormStatement,
	findForm,
	formsOfWorkspace,
	insertFormStatement,
	type SignupFormRow,
} from "../db/signup-forms";
import { newId } from "../domain/ids";
import { notFound } from "../errors";
import { commitAudited } from "./audited-change";

type Caller = { env: Env; db: Db; actor: Principal; requestUrl: string; ip: string | null };

export function presentForm(row: SignupFormRow, base: string): SignupForm {
	const url = `${base}/f/${row.id}`;
	return {
		id: row.id,
		name: row.name,
		consent_text: row.consentText,
		tags: row.tags,
		ask_name: row.askName,
		url,
		embed_html: `<iframe src="${url}" title="${row.name.replaceAll('"', "&quot;")}" style="width:100%;max-width:480px;height:460px;border:0" loading="lazy"></iframe>`,
		created_at: row.createdAt.toISOString(),
	};
}

export async function listForms(c: Omit<Caller, "ip">) {
	const base = publicBaseUrl(c.env, c.requestUrl);
	const rows = await formsOfWorkspace(c.db, c.actor.workspaceId);
	return { data: rows.map((r) => presentForm(r, base)), next_cursor: null };
}

export async function createForm(c: Caller, input: z.output<typeof SignupFormInputSchema>) {
	const row: SignupFormRow = {
		id: newId("frm"),
		workspaceId: c.actor.workspaceId,
		name: input.name,
		consentText: input.consent_text,
		tags: [...new Set(input.tags)],
		askName: input.ask_name,
		createdAt: new Date(),
	};
	const target = { type: "signup_form", id: row.id };
	await commitAudited(c, insertFormStatement(c.db, row), { action: "signup_form.created", target });
	return presentForm(row, publicBaseUrl(c.env, c.requestUrl));
}

export async function deleteForm(c: Caller, id: string) {
	if (!(await findForm(c.db, c.actor.workspaceId, id))) throw notFound("Signup form");
	const target = { type: "signup_form", id };
	await commitAudited(c, deleteFormStatement(c.db, c.actor.workspaceId, id), { action: "signup_form.deleted", target });
}
