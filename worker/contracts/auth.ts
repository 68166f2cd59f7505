import { z } from "@hono/zod-openapi";
import { RoleSchema } from "./common";
import { FrequencyCapSchema, QuietHoursSchema } from "./send-limits";

export const EmailSchema = z
	.string()
	.trim()
	.toLowerCase()
	.pipe(z.email({ message: "Enter a valid email address" }).max(254))
	.openapi({ example: "ada@example.com" });

const PASSWORD_MIN = 10;

/** A new password: at least 10 characters besides leading and trailing spaces; kept exactly as typed. */
export const PasswordSchema = z
	.string()
	.min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
	.max(200, "Use at most 200 characters")
	.refine((p) => p.trim().length >= PASSWORD_MIN, {
		message: `Use at least ${PASSWORD_MIN} characters that are not spaces`,
	});

export const UserSchema = z
	.object({ id: z.string(), email: z.string(), name: z.string(), created_at: z.string() })
	.openapi("User");

export const WorkspaceSchema = z
	.object({
		id: z.string(),
		name: z.string(),
		postal_address: z.string(),
		default_from_name: z.string(),
		default_from_email: z.string(),
		send_rate_per_second: z.number().int(),
		timezone: z.string(),
		frequency_cap: FrequencyCapSchema.nullable(),
		quiet_hours: QuietHoursSchema.nullable(),
		created_at: z.string(),
	})
	.openapi("Workspace");

export const SignupBodySchema = z
	.object({
		email: EmailSchema,
		password: PasswordSchema,
		name: z.string().trim().min(1, "Enter your name").max(100),
		workspace_name: z.string().trim().min(1).max(100).optional(),
		invite_token: z.string().min(10).max(200).optional(),
	})
	.refine((b) => b.workspace_name || b.invite_token, {
		message: "Name your workspace",
		path: ["workspace_name"],
	})
	.openapi("SignupBody");

export const LoginBodySchema = z
	.object({
		email: EmailSchema,
		password: z.string().min(1, "Enter your password").max(200),
		workspace_id: z.string().optional(),
	})
	.openapi("LoginBody");

export const AcceptInviteBodySchema = z.object({ token: z.string().min(10).max(200) }).openapi("AcceptInviteBody");

export const SwitchWorkspaceBodySchema = z.object({ workspace_id: z.string().min(1) });

export const SessionResultSchema = z
	.object({ user: UserSchema, workspace: WorkspaceSchema, role: RoleSchema })
	.openapi("Session");

export const MeSchema = z
	.object({
		user: UserSchema.nullable(),
		workspace: WorkspaceSchema,
		role: RoleSchema,
		auth: z.enum(["session", "api_key"]),
		workspaces: z.array(z.object({ id: z.string(), name: z.string(), role: RoleSchema })),
	})
	.openapi("Me");
