import { html, raw } from "hono/html";

type Operation = {
	summary?: string;
	description?: string;
	tags?: string[];
	requestBody?: unknown;
	parameters?: unknown[];
	"x-codeSamples"?: { label: string; source: string }[];
};
type OpenApiDocument = { info: { title: string; version: string }; paths: Record<string, Record<string, Operation>> };

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/**
 * A self-contained API reference rendered from the generated OpenAPI document
 * (no CDN: Pulse runs offline). The machine-readable spec is /api/openapi.json.
 */
export function renderDocs(doc: OpenApiDocument) {
	const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
	for (const [path, item] of Object.entries(doc.paths)) {
		for (const method of METHODS) {
			const op = item[method];
			if (!op) continue;
			const tag = op.tags?.[0] ?? "Other";
			byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, op }]);
		}
	}
	const sections = [...byTag].map(
		([tag, ops]) =>
			html`<section><h2>${tag}</h2>${ops.map(
				({
					method,
					path,
					op,
				}) => html`<details><summary><code class="m ${method}">${method.toUpperCase()}</code> <code>${path}</code> ${op.summary ?? ""}</summary>
<p>${op.description ?? ""}</p>${(op["x-codeSamples"] ?? []).map((sample) => html`<h4>Example request</h4><pre class="example">${sample.source}</pre>`)}${op.requestBody ? html`<h4>Request body</h4><pre>${JSON.stringify(op.requestBody, null, 2)}</pre>` : ""}${op.parameters?.length ? html`<h4>Parameters</h4><pre>${JSON.stringify(op.parameters, null, 2)}</pre>` : ""}</details>`,
			)}</section>`,
	);
	return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${doc.info.title} reference</title><style>${raw(STYLE)}</style></head><body><main>
<h1>${doc.info.title} <small>v${doc.info.version}</small></h1>
<p>JSON over HTTPS. Authenticate with the dashboard's session cookie or <code>Authorization: Bearer &lt;api key&gt;</code>. Errors are <code>{"error":{"code","message","issues","request_id"}}</code>. Lists take <code>?limit=</code> and <code>?cursor=</code>. Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>. Every route shows an example request: create a key under Settings → API keys and <code>export PULSE_API_KEY=...</code> first.</p>
${sections}</main></body></html>`;
}

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#f7f7fb;color:#1c1c28}main{max-width:960px;margin:auto;padding:24px}
details{background:#fff;border:1px solid #e3e3ee;border-radius:8px;margin:8px 0;padding:8px 12px}summary{cursor:pointer}
pre{background:#f2f2f8;padding:8px;overflow:auto;font-size:12px}.m{font-weight:700;display:inline-block;min-width:60px}
.get{color:#0a7}.post{color:#36c}.patch{color:#a60}.delete{color:#c33}`;
