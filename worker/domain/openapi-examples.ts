/**
 * Example requests for the API reference, generated from the OpenAPI document itself (so they follow the zod
 * schemas the routes validate with): one `curl` per route, as `x-codeSamples` on each operation and on /api/docs.
 */

type Schema = {
	$ref?: string;
	type?: string | string[];
	format?: string;
	example?: unknown;
	examples?: unknown[];
	default?: unknown;
	enum?: unknown[];
	const?: unknown;
	properties?: Record<string, Schema>;
	required?: string[];
	items?: Schema;
	anyOf?: Schema[];
	oneOf?: Schema[];
	allOf?: Schema[];
	minimum?: number;
	minItems?: number;
};
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema };
export type Operation = {
	summary?: string;
	requestBody?: { content?: Record<string, { schema?: Schema }> };
	parameters?: Parameter[];
	security?: unknown[];
	"x-codeSamples"?: { lang: string; label: string; source: string }[];
};
export type OpenApiDoc = {
	paths: Record<string, Record<string, Operation>>;
	components?: { schemas?: Record<string, Schema> };
};

const MAX_DEPTH = 6;
/** Optional fields shown when an object has no required ones (a PATCH body): the first few. */
const OPTIONAL_SHOWN = 3;

const STRING_BY_NAME: Record<string, string> = {
	email: "ada@example.com",
	name: "Spring launch",
	first_name: "Ada",
	last_name: "Lovelace",
	password: "correct horse battery",
	domain: "news.example.com",
	subject: "Hello {{ contact.first_name }}",
	html: "<p>Hi {{ contact.first_name | default: 'there' }}</p>",
};

function stringExample(schema: Schema, name: string | undefined): string {
	if (schema.format === "email") return "ada@example.com";
	if (schema.format === "date-time") return "2026-12-01T09:00:00Z";
	if (schema.format === "uri" || schema.format === "url") return "https://example.com";
	if (name && STRING_BY_NAME[name]) return STRING_BY_NAME[name];
	if (name?.endsWith("_id")) return `${name.slice(0, 3)}_123`;
	return name ? `example ${name.replaceAll("_", " ")}` : "example";
}

/** A plausible value for a schema: its own example, default or first enum value, else one built from its type. */
export function exampleOf(schema: Schema | undefined, doc: OpenApiDoc, name?: string, depth = 0): unknown {
	if (!schema || depth > MAX_DEPTH) return undefined;
	if (schema.$ref)
		return exampleOf(doc.components?.schemas?.[schema.$ref.split("/").pop() ?? ""], doc, name, depth + 1);
	if (schema.example !== undefined) return schema.example;
	if (schema.examples?.length) return schema.examples[0];
	if (schema.const !== undefined) return schema.const;
	if (schema.default !== undefined) return schema.default;
	if (schema.enum?.length) return schema.enum[0];
	const choices = schema.anyOf ?? schema.oneOf;
	if (choices?.length) {
		const choice = choices.find((c) => c.type !== "null") ?? choices[0];
		return exampleOf(choice, doc, name, depth + 1);
	}
	if (schema.allOf?.length) {
		return Object.assign({}, ...schema.allOf.map((part) => exampleOf(part, doc, name, depth + 1) ?? {}));
	}
	const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
	if (type === "object" || schema.properties) {
		const properties = Object.entries(schema.properties ?? {});
		const required = new Set(schema.required ?? []);
		const shown =
			required.size > 0 ? properties.filter(([key]) => required.has(key)) : properties.slice(0, OPTIONAL_SHOWN);
		return Object.fromEntries(
			shown.map(([key, value]) => [key, exampleOf(value, doc, key, depth + 1)]).filter(([, v]) => v !== undefined),
		);
	}
	if (type === "array") {
		const item = exampleOf(schema.items, doc, name, depth + 1);
		return item === undefined ? [] : [item];
	}
	if (type === "integer" || type === "number") return schema.minimum ?? 1;
	if (type === "boolean") return true;
	if (type === "string") return stringExample(schema, name);
	return undefined;
}

const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** One `curl` for an operation: path parameters filled in, required query parameters, the auth header, a body. */
export function curlExample(method: string, path: string, op: Operation, doc: OpenApiDoc, baseUrl: string): string {
	let url = path.replace(/\{(\w+)\}/g, (_, param: string) => `${param === "id" ? "id_123" : `${param}_123`}`);
	const query = (op.parameters ?? [])
		.filter((p) => p.in === "query" && p.required)
		.map((p) => `${p.name}=${encodeURIComponent(String(exampleOf(p.schema, doc, p.name) ?? ""))}`);
	if (query.length) url += `?${query.join("&")}`;
	const lines = [`curl -X ${method.toUpperCase()} "${baseUrl}${url}"`];
	if (op.security === undefined || op.security.length > 0) lines.push(`-H "Authorization: Bearer $PULSE_API_KEY"`);
	const content = op.requestBody?.content ?? {};
	if (content["application/json"]) {
		const body = exampleOf(content["application/json"].schema, doc) ?? {};
		lines.push(`-H "Content-Type: application/json"`, `-d ${shellQuote(JSON.stringify(body))}`);
	} else if (content["text/csv"]) {
		lines.push(`-H "Content-Type: text/csv"`, "--data-binary @contacts.csv");
	} else if (content["multipart/form-data"]) {
		lines.push(`-F "file=@contacts.csv"`);
	}
	return lines.join(" \\\n  ");
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** The document with an example request (`x-codeSamples`, curl) on every operation. */
export function withExamples<T extends OpenApiDoc>(doc: T, baseUrl: string): T {
	const paths = Object.fromEntries(
		Object.entries(doc.paths).map(([path, item]) => [
			path,
			Object.fromEntries(
				Object.entries(item).map(([method, op]) =>
					(METHODS as readonly string[]).includes(method)
						? [
								method,
								{
									...op,
									"x-codeSamples": [
										{ lang: "Shell", label: "curl", source: curlExample(method, path, op, doc, baseUrl) },
									],
								},
							]
						: [method, op],
				),
			),
		]),
	);
	return { ...doc, paths };
}
