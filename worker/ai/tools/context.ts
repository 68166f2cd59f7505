import type { Principal } from "../../context";
import { hasRole } from "../../domain/roles";
import { ApiError } from "../../errors";

/** What every assistant tool acts as: the caller, in the caller's workspace, with the caller's role. */
export type ToolContext = {
	d1: D1Database;
	principal: Principal;
	/** Signs preview links; null when TOKEN_SECRET is missing (drafting still works, previews do not). */
	tokenSecret: string | null;
	baseUrl: string;
};

/**
 * A failure the model should read and act on (fix its input, tell the user). Its message reaches
 * both the model and the tool card in the chat; any other error is reported without details.
 */
export class ToolError extends Error {
	constructor(message: string) {
		super(message);
		this.name = "ToolError";
	}
}

/** Writes need an editor, exactly as the API routes do; the assistant never acts above its caller. */
export function requireEditor(ctx: ToolContext, action: string): void {
	if (!hasRole(ctx.principal.role, "editor"))
		throw new ToolError(
			`Refused: your role is ${ctx.principal.role}, which can only read, so I cannot ${action}. Ask an editor or an admin.`,
		);
}

/** Runs a service call, turning its API errors (with the field at fault) into a ToolError for the model. */
export async function asTool<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		if (!(error instanceof ApiError)) throw error;
		const issues = (error.issues ?? []).map((i) => `${i.path}: ${i.message}`);
		throw new ToolError(issues.length ? `${error.message}. Issues: ${issues.join("; ")}` : error.message);
	}
}
