import { z } from "zod";
import { RoleSchema } from "../../contracts/common";
import { AuditEntrySchema } from "../../contracts/workspace";
import { createDb } from "../../db/client";
import { auditLogPage } from "../../services/audit-log";
import { describeWorkspaceForAssistant } from "../workspace-summary";
import { defineTool } from "./define";

const Scalar = z.union([z.string(), z.number(), z.boolean()]);
const Ref = z.object({ id: z.string(), name: z.string() });
const iso = z.string().nullable();

/** What `describe_workspace` answers (contracts/assistant.ts `WorkspaceSummary`). */
const WorkspaceSummarySchema = z.object({
	workspace: z.object({ name: z.string(), default_from_email: z.string().nullable(), your_role: RoleSchema }),
	contacts: z.object({ total: z.number().int(), subscribed: z.number().int() }),
	attributes: z.array(z.object({ name: z.string(), contacts: z.number().int(), sample_values: z.array(Scalar) })),
	tags: z.array(z.object({ tag: z.string(), contacts: z.number().int() })),
	recent_event_names: z.array(z.string()),
	segments: z.array(Ref),
	templates: z.array(Ref.extend({ subject: z.string() })),
	sending: z.object({ connected: z.boolean(), source: z.enum(["workspace", "environment", "none"]) }).optional(),
	topics: z.array(Ref).optional(),
	recent_campaigns: z.array(Ref.extend({ status: z.string(), created_at: iso, started_at: iso, completed_at: iso })),
});

export const workspaceTools = {
	describe_workspace: defineTool({
		title: "Describe the workspace",
		description:
			"What this workspace holds: contact counts, the attribute names and tags in use (with sample values), saved segments, templates and recent campaigns (those sent come first, the latest sent first). Call it before building segments or campaigns.",
		kind: "read",
		input: z.object({}),
		output: WorkspaceSummarySchema,
		run: (ctx) => describeWorkspaceForAssistant(ctx.env.DB, ctx.principal),
	}),
	search_audit_log: defineTool({
		title: "Search the audit log",
		description:
			"Who changed what and when (admins only), newest first, filtered by action (e.g. campaign.send, or a prefix like campaign.), actor, target and time.",
		kind: "read",
		minRole: "admin",
		action: "read the audit log",
		input: z.object({
			action: z.string().max(100).optional().describe('An action, or a prefix ending in "." such as "campaign."'),
			actor_id: z.string().max(100).optional().describe("A user id or an API key id"),
			target_type: z.string().max(50).optional().describe("e.g. campaign, contact, segment, journey, api_key"),
			target_id: z.string().max(100).optional(),
			since: z.iso.datetime({ offset: true }).optional(),
			until: z.iso.datetime({ offset: true }).optional(),
			limit: z.number().int().min(1).max(100).default(25),
			cursor: z.string().max(200).optional().describe("next_cursor of the previous page"),
		}),
		output: z.object({ entries: z.array(AuditEntrySchema), next_cursor: z.string().nullable() }),
		run: async (ctx, { limit, cursor, ...filter }) => {
			const page = await auditLogPage(createDb(ctx.env.DB), ctx.principal.workspaceId, { ...filter, limit, cursor });
			return { entries: page.data, next_cursor: page.next_cursor };
		},
	}),
};
