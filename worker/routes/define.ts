import { createRoute, type RouteConfig, z } from "@hono/zod-openapi";
import { ErrorBodySchema } from "../contracts/common";
import { type Access, authorize } from "../middleware/auth";

const errorResponse = (description: string) => ({
	description,
	content: { "application/json": { schema: ErrorBodySchema } },
});

const ERROR_RESPONSES = {
	400: errorResponse("Invalid input; `issues` names each field at fault"),
	401: errorResponse("Not signed in, or the API key is invalid or revoked"),
	403: errorResponse("The role does not allow this, or the request failed the CSRF check"),
	404: errorResponse("Not found in this workspace"),
	409: errorResponse("Conflicts with the current state"),
	429: errorResponse("Rate limited; see `retry-after`"),
} as const;

const SECURITY: Record<string, string[]>[] = [{ cookieAuth: [] }, { bearerAuth: [] }];

/** A JSON request body, required, documented from its zod schema. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
	required: true,
	content: { "application/json": { schema } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
	description,
	content: { "application/json": { schema } },
});

/**
 * Declares an API route: its OpenAPI description, the access it requires (enforced by
 * the one `authorize` middleware) and the shared error responses.
 */
export function defineRoute<P extends string, R extends Omit<RouteConfig, "path" | "middleware"> & { path: P }>(
	access: Access,
	config: R,
) {
	return createRoute({
		...config,
		middleware: [authorize(access)] as const,
		security: access === "public" ? [] : SECURITY,
		description: `${config.description ?? ""}${config.description ? "\n\n" : ""}Requires: ${access === "public" ? "no authentication" : access === "self" ? "any member" : access === "read" ? "any member (changes nothing)" : `role ${access} or above`}.`,
		responses: { ...ERROR_RESPONSES, ...config.responses },
	});
}

export { z };
