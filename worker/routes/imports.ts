import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { ErrorBodySchema, IdParamSchema, PageQuerySchema, page } from "../contracts/common";
import { ImportSchema } from "../contracts/contacts";
import { ImportOptionsSchema } from "../contracts/imports";
import { ApiError } from "../errors";
import { clientIp } from "../middleware/auth";
import { getImport, importErrorsCsv, listImports, startImport } from "../services/imports";
import { defineRoute, jsonResponse } from "./define";
import { validationError, validationHook } from "./validation";

const tags = ["Imports"];

const UploadSchema = z
	.custom<File>((value) => value instanceof File, "Attach the CSV as the field `file`")
	.openapi({ type: "string", format: "binary" });

const ImportStartedSchema = z.object({ import_id: z.string(), status: z.literal("running") }).openapi("ImportStarted");

export const importRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("editor", {
			method: "post",
			path: "/contacts/import",
			tags,
			summary: "Import contacts from a CSV file (runs in the background)",
			description:
				"Send the file as `text/csv` or as the multipart field `file`. UTF-8 with or without BOM, `,` `;` or tab delimited, a header row naming an email column (`email`, `E-mail Address`...). `first_name`, `last_name`, `tags` (`;`-separated), `status`, `timezone`, `locale` map to fields; other columns become attributes. Re-importing a file changes nothing; suppressed addresses are never resubscribed; erased addresses are not re-created. Files up to 50 MB (413 above) with up to 200 columns. Whole-file problems (empty, binary, no email column, too many columns) are 422 and import nothing. Rows over the same per-contact limits as the API (100 attributes, 2,000 characters per value, 32 KB of attributes as JSON, names 200, 100 tags of up to 100 characters) are reported as row errors; every other row is imported.",
			request: {
				query: ImportOptionsSchema,
				body: {
					// Not `required`: the handler reads the raw file itself, so no validator runs on it.
					required: false,
					content: {
						"text/csv": { schema: z.string() },
						"multipart/form-data": {
							schema: z.object({
								file: UploadSchema,
								consent: z.string().optional(),
								tags: z.string().optional(),
								mapping: z.string().optional(),
							}),
						},
					},
				},
			},
			responses: {
				202: jsonResponse(ImportStartedSchema, "The import started; poll GET /imports/{id}"),
				413: jsonResponse(ErrorBodySchema, "The file is larger than 50 MB"),
				422: jsonResponse(
					ErrorBodySchema,
					"The file as a whole cannot be imported (empty, binary, no email column, over 200 columns)",
				),
				503: jsonResponse(ErrorBodySchema, "The file could not be handed to the importer; the import is marked failed"),
			},
		}),
		async (c) => {
			const type = c.req.header("content-type") ?? "";
			let file: { bytes: ArrayBuffer; name: string | null };
			let settings = c.req.valid("query");
			if (type.startsWith("multipart/form-data")) {
				const form = await c.req.parseBody();
				const fields = Object.fromEntries(
					(["consent", "tags", "mapping"] as const).flatMap((k) => (typeof form[k] === "string" ? [[k, form[k]]] : [])),
				);
				if (Object.keys(fields).length > 0) {
					const parsed = ImportOptionsSchema.safeParse({ ...c.req.query(), ...fields });
					if (!parsed.success) throw validationError(parsed.error, "form");
					settings = parsed.data;
				}
				const upload = form.file;
				if (!(upload instanceof File))
					throw new ApiError("validation_failed", "Attach the CSV as the field `file`", [
						{ path: "file", message: "Required" },
					]);
				file = { bytes: await upload.arrayBuffer(), name: upload.name || null };
			} else if (/^(text\/csv|text\/plain|application\/octet-stream|application\/vnd\.ms-excel)/.test(type)) {
				file = { bytes: await c.req.arrayBuffer(), name: c.req.header("x-file-name") ?? null };
			} else {
				throw new ApiError("unsupported_media_type", "Send the file as text/csv or multipart/form-data (field `file`)");
			}
			const importId = await startImport(c.env, c.var.principal, file, clientIp(c), { settings });
			return c.json({ import_id: importId, status: "running" as const }, 202);
		},
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/imports",
			tags,
			summary: "Recent imports, newest first",
			request: { query: PageQuerySchema },
			responses: { 200: jsonResponse(page(ImportSchema), "A page of imports") },
		}),
		async (c) => c.json(await listImports(c.env.DB, c.var.principal.workspaceId, c.req.valid("query")), 200),
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/imports/{id}",
			tags,
			summary: "An import's progress and results, with the first 100 error rows",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(ImportSchema, "The import") },
		}),
		async (c) => c.json(await getImport(c.env.DB, c.var.principal.workspaceId, c.req.valid("param").id), 200),
	)
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/imports/{id}/errors.csv",
			tags,
			summary: "Every error row of an import as CSV: line, email, reason, then the row's original columns",
			request: { params: IdParamSchema },
			responses: { 200: { description: "CSV file", content: { "text/csv": { schema: z.string() } } } },
		}),
		async (c) => {
			const { id } = c.req.valid("param");
			const csv = await importErrorsCsv(c.env.DB, c.var.principal.workspaceId, id);
			return c.body(csv, 200, {
				"content-type": "text/csv; charset=utf-8",
				"content-disposition": `attachment; filename="import-${id}-errors.csv"`,
			});
		},
	);
