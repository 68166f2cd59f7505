/** The checklist a campaign should pass before it is sent, and its score (pure). */
import type { READINESS_CHECKS } from "../../contracts/planning";

export type ReadinessFacts = {
	/** Recipients a send would mail now (subscribed, not suppressed). */
	audience: number;
	postalAddress: string | null;
	/** The campaign's email HTML (its template's). */
	html: string;
	fromEmail: string;
	/** Why the sender cannot be used (an unverified domain), or null. */
	senderProblem: string | null;
	/** The last test send of this version of the email, or null. */
	lastTestSendAt: Date | null;
	approval: "not_required" | "not_requested" | "pending" | "changes_requested" | "approved" | "rejected";
	/** The stage still awaiting a decision, if any. */
	approvalStage: string | null;
	sendAt: Date | null;
	now: Date;
};

export type ReadinessKey = (typeof READINESS_CHECKS)[number];
export type ReadinessCheck = { key: ReadinessKey; label: string; ok: boolean; detail: string };
export type Readiness = { score: number; ready: boolean; checks: ReadinessCheck[] };

const hasOwnUnsubscribe = (html: string) => html.includes("unsubscribe_url") || html.includes("preferences_url");

function footer(f: ReadinessFacts): [boolean, string] {
	if (!f.postalAddress)
		return [false, "Add the workspace's postal address in Settings: every marketing email shows it"];
	if (!hasOwnUnsubscribe(f.html)) return [true, "Pulse adds the footer with your postal address"];
	if (f.html.includes("postal_address")) return [true, "The email's own footer shows your postal address"];
	return [
		false,
		"The email has its own unsubscribe link, so Pulse adds no footer: put {{ workspace.postal_address }} in it",
	];
}

function approvals(f: ReadinessFacts): [boolean, string] {
	switch (f.approval) {
		case "not_required":
			return [true, "No approval needed under the workspace's policy"];
		case "approved":
			return [true, "Every stage approved this version"];
		case "not_requested":
			return [false, "Request a review: the workspace's policy requires approval"];
		case "rejected":
			return [false, "The review was rejected"];
		case "changes_requested":
			return [false, "Changes were requested: edit, then request a review again"];
		default:
			return [false, f.approvalStage ? `Waiting for ${f.approvalStage}` : "Waiting for approval"];
	}
}

function schedule(f: ReadinessFacts): [boolean, string] {
	if (!f.sendAt) return [true, "Not scheduled: it goes out when someone presses Send"];
	if (f.sendAt.getTime() > f.now.getTime()) return [true, "Goes out at the scheduled time"];
	return [false, "The send time has passed: pick a time in the future"];
}

/** Each check with a sentence saying why it passes or what to do; the score is the share passed (0-100). */
export function readiness(f: ReadinessFacts): Readiness {
	const entries: [ReadinessKey, string, [boolean, string]][] = [
		[
			"audience",
			"Audience is not empty",
			f.audience > 0
				? [true, `${f.audience} ${f.audience === 1 ? "recipient" : "recipients"} can be mailed`]
				: [false, "Nobody in the audience can be mailed: choose another segment or add contacts"],
		],
		["footer", "Footer with postal address", footer(f)],
		[
			"unsubscribe",
			"Unsubscribe link",
			[
				true,
				hasOwnUnsubscribe(f.html)
					? "The email's own unsubscribe link, and one-click unsubscribe headers"
					: "Pulse adds an unsubscribe link, and one-click unsubscribe headers",
			],
		],
		[
			"sender",
			"Sender is set",
			!f.fromEmail
				? [false, "Choose a From address (or a default sender in Settings)"]
				: f.senderProblem
					? [false, f.senderProblem]
					: [true, `Sends from ${f.fromEmail}`],
		],
		[
			"test_send",
			"Test send done",
			f.lastTestSendAt
				? [true, "A test of this version of the email was sent"]
				: [false, "Send a test of this version of the email to yourself"],
		],
		["approvals", "Approvals complete", approvals(f)],
		["schedule", "Schedule is in the future", schedule(f)],
	];
	const checks = entries.map(([key, label, [ok, detail]]) => ({ key, label, ok, detail }));
	const passed = checks.filter((c) => c.ok).length;
	return { score: Math.round((100 * passed) / checks.length), ready: passed === checks.length, checks };
}
