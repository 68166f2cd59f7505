import { z } from "@hono/zod-openapi";

export const MILESTONE_KEYS = ["content_due", "review_due", "test_send", "send"] as const;
export const MilestoneKeySchema = z.enum(MILESTONE_KEYS).openapi("MilestoneKey");
export type MilestoneKey = z.infer<typeof MilestoneKeySchema>;

export const MILESTONE_STATES = ["done", "overdue", "passed", "upcoming", "unscheduled"] as const;

const when = z.iso.datetime({ offset: true });

export const TaskSchema = z
	.object({
		id: z.string(),
		campaign_id: z.string(),
		milestone: MilestoneKeySchema,
		title: z.string(),
		assignee_id: z.string().nullable().openapi({ description: "A member of the workspace (`GET /members` id)" }),
		due_at: z.string().nullable().openapi({ description: "Its own due date, or else its milestone's" }),
		own_due_date: z
			.boolean()
			.openapi({ description: "false: the task is due with its milestone, and moves when the schedule moves" }),
		done: z.boolean(),
		done_at: z.string().nullable(),
		overdue: z.boolean(),
		created_at: z.string(),
	})
	.openapi("CampaignTask");
export type Task = z.infer<typeof TaskSchema>;

export const TaskInputSchema = z
	.object({
		milestone: MilestoneKeySchema,
		title: z.string().trim().min(1).max(200),
		assignee_id: z.string().min(1).max(64).nullable().optional(),
		due_at: when.nullable().optional().openapi({ description: "Absent or null: due with its milestone" }),
	})
	.strict()
	.openapi("CampaignTaskInput");

export const TaskPatchSchema = z
	.object({
		milestone: MilestoneKeySchema.optional(),
		title: z.string().trim().min(1).max(200).optional(),
		assignee_id: z.string().min(1).max(64).nullable().optional(),
		due_at: when.nullable().optional().openapi({ description: "null: due with its milestone again" }),
		done: z.boolean().optional().openapi({ description: "Mark done, or not done again" }),
	})
	.strict()
	.openapi("CampaignTaskPatch");
export type TaskPatch = z.infer<typeof TaskPatchSchema>;

export const MilestonesSchema = z
	.object({
		send_at: z.string().nullable(),
		milestones: z.array(
			z.object({
				key: MilestoneKeySchema,
				name: z.string(),
				at: z.string().nullable().openapi({ description: "From the send date; null while nothing is scheduled" }),
				state: z.enum(MILESTONE_STATES),
				tasks: z.array(TaskSchema),
			}),
		),
	})
	.openapi("CampaignMilestones");

export const CalendarQuerySchema = z.object({
	from: when.openapi({ description: "Start of the range (at most 100 days before `to`)" }),
	to: when,
});

export const CALENDAR_TYPES = ["campaign", "journey", "milestone"] as const;
export const CalendarSchema = z
	.object({
		data: z.array(
			z.object({
				type: z.enum(CALENDAR_TYPES),
				id: z.string().openapi({ description: "The campaign's or journey's id; for a milestone, `campaign id:key`" }),
				name: z.string(),
				status: z.string().openapi({ description: "The campaign's or journey's status; a milestone's state" }),
				at: z.string(),
				campaign_id: z.string().nullable(),
				milestone: MilestoneKeySchema.nullable(),
				link: z.string(),
			}),
		),
	})
	.openapi("Calendar");
export type CalendarItem = z.infer<typeof CalendarSchema>["data"][number];

export const READINESS_CHECKS = [
	"audience",
	"footer",
	"unsubscribe",
	"sender",
	"test_send",
	"approvals",
	"schedule",
] as const;
const SendRefusalSchema = z
	.object({
		code: z.string().openapi({ example: "approval_required" }),
		message: z.string(),
		path: z
			.string()
			.nullable()
			.openapi({ description: "The field the refusal is about (`postal_address`, `approval`…)" }),
	})
	.openapi("SendRefusal");

export const ReadinessSchema = z
	.object({
		score: z.number().int().min(0).max(100).openapi({ description: "Share of the checks passed, in percent" }),
		ready: z.boolean(),
		checks: z.array(
			z.object({ key: z.enum(READINESS_CHECKS), label: z.string(), ok: z.boolean(), detail: z.string() }),
		),
		refusals: z.object({ send: SendRefusalSchema.nullable(), schedule: SendRefusalSchema.nullable() }).openapi({
			description:
				"What `POST .../send` and `.../schedule` would answer now (null: they would go ahead), from the same checks the commands run; the checklist advises, these decide. They include the campaign's status (`send` on a sending or completed campaign is 409) and, for `schedule`, a chosen send time that has passed",
		}),
	})
	.openapi("CampaignReadiness");
