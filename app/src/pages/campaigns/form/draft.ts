import { ApiError } from "../../../lib/api";
import type { Campaign, Workspace } from "../../../lib/types";
import type { SendMode } from "../SendDialog";
import { toLocalInput } from "../shared";
import { type AbDraft, abBodyOf, abDraftFromSubjects, abDraftOf } from "./ab-draft";

export type Draft = {
	name: string;
	audience: "all" | "segment";
	segment_id: string;
	/** The topic the campaign is about ("" for none): contacts who opted out of it are skipped. */
	topic_id: string;
	template_id: string;
	from_name: string;
	from_email: string;
	reply_to: string;
	track_opens: boolean;
	track_clicks: boolean;
	delivery: SendMode;
	send_at: string;
	/** The A/B test (null: none). */
	ab: AbDraft | null;
};

export const FIELDS = [
	"name",
	"audience",
	"topic_id",
	"template_id",
	"from_email",
	"from_name",
	"reply_to",
	"settings",
	"schedule",
	"variants",
	"ab_test.test_percent",
	"ab_test.metric",
	"ab_test.goal_event",
	"ab_test.duration",
] as const;

/** Validation the API cannot do for us (it never sees the delivery choice until the last step). */
export const invalid = (path: string, message: string) =>
	new ApiError(400, "validation_failed", "Check the highlighted fields", [{ path, message }]);

/**
 * The form's starting values: the campaign being edited, or the links' template/segment (and subject lines to test,
 * each a variant) and the workspace's sender.
 */
export function initialDraft(
	existing: Campaign | undefined,
	search: { template?: string; segment?: string; subjects?: string },
	workspace: Workspace,
): Draft {
	return {
		name: existing?.name ?? "",
		audience: (existing?.audience.segment_id ?? search.segment) ? "segment" : "all",
		segment_id: existing?.audience.segment_id ?? search.segment ?? "",
		topic_id: existing?.topic_id ?? "",
		template_id: existing?.template_id ?? search.template ?? "",
		from_name: existing?.from_name ?? workspace.default_from_name,
		from_email: existing?.from_email ?? workspace.default_from_email,
		reply_to: existing?.reply_to ?? "",
		track_opens: existing?.settings.track_opens ?? true,
		track_clicks: existing?.settings.track_clicks ?? true,
		delivery: existing?.schedule ? "schedule" : "now",
		send_at: existing?.schedule ? toLocalInput(existing.schedule.send_at) : "",
		ab: existing ? abDraftOf(existing) : abDraftFromSubjects(search.subjects),
	};
}

/** The API body for a draft. */
export function bodyOf(d: Draft) {
	return {
		name: d.name,
		template_id: d.template_id,
		audience: { segment_id: d.audience === "segment" ? d.segment_id || null : null },
		topic_id: d.topic_id || null,
		from_name: d.from_name.trim(),
		// An empty address means "the workspace default": the API fills it in (or names the field if there is none).
		...(d.from_email.trim() ? { from_email: d.from_email.trim() } : {}),
		reply_to: d.reply_to.trim() || null,
		settings: { track_opens: d.track_opens, track_clicks: d.track_clicks },
		...abBodyOf(d.ab),
	};
}
