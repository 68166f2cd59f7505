import type { Principal } from "../../context";
import type { Role } from "../../contracts/common";
import { createDb } from "../../db/client";
import { hasRole } from "../../domain/roles";
import { ApiError } from "../../errors";
import { recordAudit } from "../../services/audit";

/** Which surface a tool is called through: the in-app assistant or an MCP client. */
export type ToolSurface = "assistant" | "mcp";

/** What every tool acts as: the caller, in the caller's workspace, with the caller's role. */
export type ToolContext = {
	env: Env;
	principal: Principal;
	/** Signs preview links; null when TOKEN_SECRET is missing (drafting still works, previews do not). */
	tokenSecret: string | null;
	/** The public origin links point to. */
	baseUrl: string;
	/** The request the call arrived with (campaign commands remember the origin emails link to). */
	requestUrl: string;
	ip: string | null;
	/** Pulse runs on this machine (journey webhooks may then call local services). */
	local: boolean;
	via: ToolSurface;
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

const WRITE_VERB: Record<Role, string> = { viewer: "read", editor: "edit", admin: "administer", owner: "own" };

/** A tool never acts above its caller: the same role the API route requires, checked before anything runs. */
export function requireRole(ctx: ToolContext, role: Role, action: string): void {
	if (!hasRole(ctx.principal.role, role))
		throw new ToolError(
			`Refused: your role is ${ctx.principal.role}, which can only ${WRITE_VERB[ctx.principal.role]}, so I cannot ${action}. Ask ${role === "editor" ? "an editor or an admin" : `someone with the ${role} role`}.`,
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

/** Records a change made through a tool, as done by the caller, noting the surface it came through. */
export function auditTool(ctx: ToolContext, action: string, target: { type: string; id: string }) {
	return recordAudit(createDb(ctx.env.DB), {
		workspaceId: ctx.principal.workspaceId,
		actor: ctx.principal,
		action,
		target,
		ip: ctx.ip,
		metadata: { via: ctx.via },
	});
}
