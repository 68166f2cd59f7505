import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../context";
import { IdParamSchema, OkSchema, page } from "../contracts/common";
import { SignupFormInputSchema, SignupFormSchema } from "../contracts/signup-forms";
import { clientIp } from "../middleware/auth";
import { createForm, deleteForm, listForms } from "../services/signup-forms";
import { defineRoute, jsonBody, jsonResponse } from "./define";
import { validationHook } from "./validation";

const tags = ["Signup forms"];

const ABOUT =
	"A signup form is served by Pulse at its `url` (`GET /f/:id`; embed it with `embed_html`, an iframe). A signup stores nothing: the person is emailed a signed link (double opt-in, 7 days) and becomes a subscribed contact only when they confirm, with the form's tags and a consent record (the form, its wording, the signup's time and IP). Per IP and per address rate limits and a honeypot field keep bots out.";

export const signupFormRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
	.openapi(
		defineRoute("viewer", {
			method: "get",
			path: "/",
			tags,
			summary: "The workspace's signup forms, with each one's URL and embed snippet",
			description: ABOUT,
			responses: { 200: jsonResponse(page(SignupFormSchema), "All forms (one page)") },
		}),
		async (c) =>
			c.json(await listForms({ env: c.env, db: c.var.db, actor: c.var.principal, requestUrl: c.req.url }), 200),
	)
	.openapi(
		defineRoute("editor", {
			method: "post",
			path: "/",
			tags,
			summary: "Create a signup form (double opt-in; its consent wording is recorded with each contact)",
			description: ABOUT,
			request: { body: jsonBody(SignupFormInputSchema) },
			responses: { 201: jsonResponse(SignupFormSchema, "The form, with its URL and embed snippet") },
		}),
		async (c) => {
			const caller = { env: c.env, db: c.var.db, actor: c.var.principal, requestUrl: c.req.url, ip: clientIp(c) };
			return c.json(await createForm(caller, c.req.valid("json")), 201);
		},
	)
	.openapi(
		defineRoute("editor", {
			method: "delete",
			path: "/{id}",
			tags,
			summary: "Delete a signup form (its page and its unconfirmed links stop working)",
			request: { params: IdParamSchema },
			responses: { 200: jsonResponse(OkSchema, "Deleted") },
		}),
		async (c) => {
			const caller = { env: c.env, db: c.var.db, actor: c.var.principal, requestUrl: c.req.url, ip: clientIp(c) };
			await deleteForm(caller, c.req.valid("param").id);
			return c.json({ ok: true as const }, 200);
		},
	);
