import { createResource, For, Show } from "solid-js";
import { Badge, type BadgeTone } from "../../../components/Badge";
import { Button } from "../../../components/Button";
import { FormAlert } from "../../../components/FormAlert";
import { toast } from "../../../components/Toasts";
import {
	type CampaignTask,
	deleteTask,
	getMilestones,
	listMembers,
	type Milestone,
	messageOf,
	updateTask,
} from "../../../lib/api";
import { formatDate } from "../../../lib/format";
import { ReviewDecisions } from "./ReviewDecisions";
import { type MemberOption, TaskForm } from "./TaskForm";

const STATE: Record<Milestone["state"], { label: string; tone: BadgeTone }> = {
	done: { label: "Done", tone: "success" },
	overdue: { label: "Overdue", tone: "danger" },
	passed: { label: "Passed", tone: "neutral" },
	upcoming: { label: "Upcoming", tone: "accent" },
	unscheduled: { label: "No date yet", tone: "neutral" },
};

/**
 * The campaign's timeline: its milestones from the send date, each with its tasks; editors add and tick tasks.
 * Only a campaign not yet started is asked to be scheduled.
 */
export function TimelineCard(props: { campaignId: string; canEdit: boolean; started?: boolean }) {
	const [plan, { refetch }] = createResource(() => props.campaignId, getMilestones);
	const [members] = createResource(listMembers);
	const options = (): MemberOption[] => (members()?.data ?? []).map((m) => ({ id: m.id, label: m.name || m.email }));
	const memberName = (id: string | null) => options().find((m) => m.id === id)?.label;

	const change = async (run: () => Promise<unknown>, done: string) => {
		try {
			await run();
			toast.success(done);
		} catch (e) {
			toast.error(messageOf(e));
		}
		void refetch();
	};
	const toggle = (task: CampaignTask) =>
		change(() => updateTask(task.id, { done: !task.done }), task.done ? "Marked not done" : "Marked done");

	return (
		<section class="card stack" aria-labelledby="timeline-title" data-testid="timeline-card">
			<h2 id="timeline-title" class="card-title">
				Timeline
			</h2>
			<FormAlert message={plan.error ? messageOf(plan.error) : undefined} />
			<Show when={plan.latest}>
				{(p) => (
					<>
						<Show when={!p().send_at && !props.started}>
							<p class="small muted">Schedule the campaign to date its milestones; tasks can be added already.</p>
						</Show>
						<ol class="steps">
							<For each={p().milestones}>
								{(m) => (
									<li
										class="step"
										classList={{ done: m.state === "done" }}
										data-milestone={m.key}
										style={{ "align-items": "flex-start" }}
									>
										<span class="step-mark" aria-hidden="true">
											{m.state === "done" ? "✓" : ""}
										</span>
										<div class="step-text stack" style={{ gap: "6px" }}>
											<div style={{ display: "flex", gap: "8px", "align-items": "center", "flex-wrap": "wrap" }}>
												<strong>{m.name}</strong>
												<span class="small muted">{m.at ? formatDate(m.at) : "—"}</span>
												<Badge tone={STATE[m.state].tone}>{STATE[m.state].label}</Badge>
											</div>
											<Show when={m.key === "review_due"}>
												<ReviewDecisions campaignId={props.campaignId} nameOf={(id) => memberName(id) ?? "A member"} />
											</Show>
											<For each={m.tasks}>
												{(task) => (
													<TaskRow
														task={task}
														assignee={memberName(task.assignee_id) ?? "Unassigned"}
														canEdit={props.canEdit}
														onToggle={() => void toggle(task)}
														onDelete={() => void change(() => deleteTask(task.id), "Task deleted")}
													/>
												)}
											</For>
										</div>
									</li>
								)}
							</For>
						</ol>
						<Show when={props.canEdit}>
							<TaskForm
								campaignId={props.campaignId}
								milestones={p().milestones}
								members={options()}
								onAdded={() => void refetch()}
							/>
						</Show>
					</>
				)}
			</Show>
		</section>
	);
}

/** One task: tick it done, who does it and by when, overdue or not; editors may delete it. */
function TaskRow(props: {
	task: CampaignTask;
	assignee: string;
	canEdit: boolean;
	onToggle: () => void;
	onDelete: () => void;
}) {
	return (
		<div
			style={{ display: "flex", gap: "8px", "align-items": "center", "flex-wrap": "wrap" }}
			data-testid="task"
			data-done={String(props.task.done)}
		>
			<input
				type="checkbox"
				checked={props.task.done}
				disabled={!props.canEdit}
				aria-label={`${props.task.title}: done`}
				onChange={() => props.onToggle()}
			/>
			<span style={{ "text-decoration": props.task.done ? "line-through" : undefined }}>{props.task.title}</span>
			<span class="small muted">
				{props.assignee}
				{props.task.due_at ? ` · due ${formatDate(props.task.due_at)}` : ""}
			</span>
			<Show when={props.task.overdue}>
				<Badge tone="danger">Overdue</Badge>
			</Show>
			<Show when={props.canEdit}>
				<Button
					size="sm"
					variant="ghost"
					aria-label={`Delete task ${props.task.title}`}
					onClick={() => props.onDelete()}
				>
					Delete
				</Button>
			</Show>
		</div>
	);
}
