import { createSignal } from "solid-js";
import { Button } from "../../../components/Button";
import { FormAlert } from "../../../components/FormAlert";
import { SelectField } from "../../../components/SelectField";
import { TextField } from "../../../components/TextField";
import { toast } from "../../../components/Toasts";
import { ApiError, addTask, type Milestone, messageOf } from "../../../lib/api";

export type MemberOption = { id: string; label: string };

/** Adds a task to a milestone: a title, an assignee (a member) and, if not due with its milestone, a date. */
export function TaskForm(props: {
	campaignId: string;
	milestones: Milestone[];
	members: MemberOption[];
	onAdded: () => void;
}) {
	const [milestone, setMilestone] = createSignal<Milestone["key"]>("content_due");
	const [title, setTitle] = createSignal("");
	const [assignee, setAssignee] = createSignal("");
	const [due, setDue] = createSignal("");
	const [busy, setBusy] = createSignal(false);
	const [error, setError] = createSignal<ApiError | string>();
	const field = (path: string) => {
		const e = error();
		return e instanceof ApiError ? e.field(path) : undefined;
	};

	const submit = async (event: SubmitEvent) => {
		event.preventDefault();
		setBusy(true);
		setError(undefined);
		try {
			await addTask(props.campaignId, {
				milestone: milestone(),
				title: title(),
				assignee_id: assignee() || null,
				// A local date and time from the picker, sent as UTC.
				due_at: due() ? new Date(due()).toISOString() : null,
			});
			setTitle("");
			setDue("");
			toast.success("Task added");
			props.onAdded();
		} catch (e) {
			setError(e instanceof ApiError ? e : messageOf(e));
		} finally {
			setBusy(false);
		}
	};

	return (
		<form class="stack" onSubmit={submit} aria-label="Add a task" data-testid="task-form">
			<div style={{ display: "flex", gap: "12px", "flex-wrap": "wrap", "align-items": "flex-end" }}>
				<SelectField
					label="Milestone"
					value={milestone()}
					options={props.milestones.map((m) => ({ value: m.key, label: m.name }))}
					onChange={(e) => setMilestone(e.currentTarget.value as Milestone["key"])}
				/>
				<div style={{ flex: "1 1 220px" }}>
					<TextField
						label="Task"
						name="title"
						value={title()}
						required
						maxLength={200}
						placeholder="Write the copy"
						error={field("title")}
						onInput={(e) => setTitle(e.currentTarget.value)}
					/>
				</div>
				<SelectField
					label="Assignee"
					value={assignee()}
					error={field("assignee_id")}
					options={[{ value: "", label: "Nobody yet" }, ...props.members.map((m) => ({ value: m.id, label: m.label }))]}
					onChange={(e) => setAssignee(e.currentTarget.value)}
				/>
				<TextField
					label="Due"
					name="due_at"
					type="datetime-local"
					value={due()}
					hint="Empty: with its milestone"
					error={field("due_at")}
					onInput={(e) => setDue(e.currentTarget.value)}
				/>
				<Button type="submit" variant="primary" loading={busy()} disabled={!title().trim()}>
					Add task
				</Button>
			</div>
			<FormAlert message={error() instanceof ApiError ? undefined : (error() as string | undefined)} />
		</form>
	);
}
