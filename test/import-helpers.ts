import { env, exports } from "cloudflare:workers";
import { call, ORIGIN } from "./client";

/** Uploads a CSV as the dashboard does and waits for the background import to finish. */
export async function importCsv(cookie: string, body: string | Uint8Array, contentType = "text/csv") {
	const res = await exports.default.fetch(`${ORIGIN}/api/v1/contacts/import`, {
		method: "POST",
		headers: { cookie, origin: ORIGIN, "content-type": contentType, "x-file-name": "list.csv" },
		body,
	});
	const started = (await res.json()) as {
		import_id?: string;
		error?: { code: string; message: string; issues?: { path: string }[] };
	};
	if (res.status !== 202 || !started.import_id) return { status: res.status, error: started.error, result: null };
	return { status: res.status, error: undefined, result: await waitForImport(cookie, started.import_id) };
}

export async function waitForImport(cookie: string, id: string) {
	for (let i = 0; i < 600; i++) {
		const res = await call("GET", `/api/v1/imports/${id}`, undefined, { cookie });
		if (res.json.status !== "running") return res.json;
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error(`import ${id} did not finish`);
}

export async function contactsOf(workspaceId: string) {
	const { results } = await env.DB.prepare(
		"SELECT email, first_name, last_name, status, attributes FROM contacts WHERE workspace_id = ? ORDER BY email",
	)
		.bind(workspaceId)
		.all<{ email: string; first_name: string | null; last_name: string | null; status: string; attributes: string }>();
	return results;
}
