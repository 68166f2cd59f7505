import { createEffect, createResource, createSignal, For, on, Show } from "solid-js";
import { Badge, type BadgeTone } from "../../components/Badge";
import { Button } from "../../components/Button";
import { FormAlert } from "../../components/FormAlert";
import { TextField } from "../../components/TextField";
import { toast } from "../../components/Toasts";
import {
	ApiError,
	type Approval,
	decideApproval,
	getApproval,
	messageOf,
	type ReviewTarget,
	requestApproval,
} from "../../lib/api";
import { formatRelative } from "../../lib/format";
import { latestNotification } from "../../lib/notifications";

const STATUS: Record<Approval["status"], { label: string; tone: BadgeTone }> = {
	not_required: { label: "No approval needed", tone: "neutral" },
	not_requested: { label: "Review not requested", tone: "warning" },
	pending: { label: "Waiting for review", tone: "accent" },
	changes_requested: { label: "Changes requested", tone: "warning" },
	approved: { label: "Approved", tone: "success" },
	rejected: { label: "Rejected", tone: "danger" },
};
const DECISION = { approve: "approved", request_changes: "requested changes", reject: "rejected" } as const;

/** The approval of a campaign or journey: stages, decisions, why earlier ones were voided, and the actions. */
export function ApprovalCard(props: {
	target: ReviewTarget;
	id: string;
	canEdit: boolean;
	nameOf: (memberId: string | null) => string;
}) {
	const [approval, { mutate, refetch }] = createResource(
		() => [props.target, props.id] as const,
		([t, id]) => getApproval(t, id),
	);
	// A review requested or decided elsewhere shows here at once (the bell's socket brings it).
	createEffect(
		on(latestNotification, (n) => {
			if (n?.link === `/${props.target}/${props.id}` && n.kind.startsWith("review_")) void refetch();
		}),
	);
	const [comment, setComment] = createSignal("");
	const [busy, setBusy] = createSignal<string>();
	const [error, setError] = createSignal<ApiError | string>();

	const act = async (name: string, run: () => Promise<Approval>, done: string) => {
		setBusy(name);
		setError(undefined);
		try {
			mutate(await run());
			setComment("");
			toast.success(done);
		} catch (e) {
			setError(e instanceof ApiError ? e : messageOf(e));
			void refetch();
		} finally {
			setBusy(undefined);
		}
	};
	const decide = (decision: "approve" | "request_changes" | "reject") =>
		act(
			decision,
			() => decideApproval(props.target, props.id, { decision, comment: comment() || undefined }),
			`You ${DECISION[decision]}`,
		);
	const fieldError = () => {
		const e = error();
		return e instanceof ApiError ? e.field("comment") : undefined;
	};
	const generalError = () => {
		const e = error();
		return e instanceof ApiError ? (e.field("comment") ? undefined : e.message) : e;
	};

	return (
		<Show when={approval()?.status !== "not_required" ? approval() : undefined}>
			{(a) => (
				<section class="card stack" aria-labelledby="approval-title" data-testid="approval-card">
					<div class="row" style={{ "justify-content": "space-between", "align-items": "center" }}>
						<h2 id="approval-title" class="card-title">
							Approval
						</h2>
						<span data-testid="approval-status">
							<Badge tone={STATUS[a().status].tone}>{STATUS[a().status].label}</Badge>
						</span>
					</div>
					<Show when={a().voided_reason}>
						<FormAlert tone="warning" message={a().voided_reason ?? undefined} />
					</Show>
					<ol class="stack" style={{ "padding-left": "1.2em", margin: 0 }}>
						<For each={a().stages}>
							{(stage) => (
								<li data-testid="approval-stage" data-stage={stage.name}>
									<strong>{stage.name}</strong>{" "}
									<span class="small muted">
										{stage.status === "pending" ? "awaiting a decision" : stage.status.replace("_", " ")}
									</span>
									<For each={stage.decisions}>
										{(d) => (
											<p class="small" style={{ margin: "4px 0 0" }}>
												{props.nameOf(d.member_id)} {DECISION[d.decision]} {formatRelative(d.at)}
												<Show when={d.comment}>: “{d.comment}”</Show>
											</p>
										)}
									</For>
								</li>
							)}
						</For>
					</ol>
					<Show when={a().requested_at}>
						<p class="small muted">
							Requested by {props.nameOf(a().requested_by)} {formatRelative(a().requested_at ?? "")}
						</p>
					</Show>
					<FormAlert message={generalError()} />
					<Show when={props.canEdit && ["not_requested", "changes_requested", "rejected"].includes(a().status)}>
						<div>
							<Button
								variant="primary"
								loading={busy() === "request"}
								onClick={() => act("request", () => requestApproval(props.target, props.id), "Review requested")}
							>
								Request review
							</Button>
						</div>
					</Show>
					<Show when={a().can_decide}>
						<div class="stack">
							<TextField
								multiline
								name="comment"
								label={`Your decision for “${a().stage}”`}
								hint="A comment is required to request changes or reject"
								value={comment()}
								error={fieldError()}
								onInput={(e) => setComment(e.currentTarget.value)}
							/>
							<div class="row" style={{ gap: "8px", "flex-wrap": "wrap" }}>
								<Button variant="primary" loading={busy() === "approve"} onClick={() => decide("approve")}>
									Approve
								</Button>
								<Button loading={busy() === "request_changes"} onClick={() => decide("request_changes")}>
									Request changes
								</Button>
								<Button variant="danger" loading={busy() === "reject"} onClick={() => decide("reject")}>
									Reject
								</Button>
							</div>
						</div>
					</Show>
				</section>
			)}
		</Show>
	);
}
