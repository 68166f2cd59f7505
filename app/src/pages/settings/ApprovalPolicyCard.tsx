import { createResource, createSignal, For, Show } from "solid-js";
import { Button } from "../../components/Button";
import { FormAlert } from "../../components/FormAlert";
import { SelectField } from "../../components/SelectField";
import { TextField } from "../../components/TextField";
import { toast } from "../../components/Toasts";
import { ApiError, getApprovalPolicy, listMembers, messageOf, saveApprovalPolicy } from "../../lib/api";
import { emptyStage, fromDrafts, type StageDraft, toDrafts } from "./policy-draft";

const APPROVERS = [
	{ value: "admin", label: "Admins and owners" },
	{ value: "owner", label: "Owners" },
	{ value: "editor", label: "Editors and above" },
	{ value: "named", label: "Named members" },
];
const ESCALATE = [{ value: "", label: "Nobody" }, ...APPROVERS.filter((o) => o.value !== "named")];

/** The workspace's approval policy: ordered stages, when it applies, and whether requesters may approve. */
export function ApprovalPolicyCard(props: { canEdit: boolean }) {
	const [policy] = createResource(async () => {
		const p = await getApprovalPolicy();
		setStages(toDrafts(p));
		setMinAudience(p.applies_when?.min_audience?.toString() ?? "");
		setTags(p.applies_when?.tags?.join(", ") ?? "");
		setAllowSelf(p.allow_self_approval);
		return p;
	});
	const [members] = createResource(listMembers);
	const [stages, setStages] = createSignal<StageDraft[]>([]);
	const [minAudience, setMinAudience] = createSignal("");
	const [tags, setTags] = createSignal("");
	const [allowSelf, setAllowSelf] = createSignal(false);
	const [saving, setSaving] = createSignal(false);
	const [error, setError] = createSignal<string>();
	const patch = (i: number, change: Partial<StageDraft>) =>
		setStages((all) => all.map((s, j) => (j === i ? { ...s, ...change } : s)));

	const save = async (e: Event) => {
		e.preventDefault();
		setSaving(true);
		setError(undefined);
		try {
			await saveApprovalPolicy(fromDrafts(stages(), minAudience(), tags(), allowSelf()));
			toast.success(stages().length ? "Approval policy saved" : "Approvals turned off");
		} catch (err) {
			setError(
				err instanceof ApiError
					? `${err.message}${err.issues.length ? `: ${err.issues.map((i) => `${i.path} ${i.message}`).join("; ")}` : ""}`
					: messageOf(err),
			);
		} finally {
			setSaving(false);
		}
	};

	return (
		<section class="card stack" aria-labelledby="policy-title" data-testid="approval-policy">
			<h2 id="policy-title" class="card-title">
				Approval policy
			</h2>
			<p class="muted small">
				Campaigns cannot be scheduled or sent, and journeys cannot be activated, until every stage has approved. An edit
				of the content, audience or sender afterwards asks for a new review. No stages: no approvals.
			</p>
			<Show when={policy()}>
				<form class="stack" onSubmit={save}>
					<For each={stages()}>
						{(stage, i) => (
							<fieldset
								class="stack"
								style={{ border: "1px solid var(--border)", "border-radius": "8px", padding: "12px" }}
								data-testid="policy-stage"
							>
								<legend>Stage {i() + 1}</legend>
								<TextField
									label="Name"
									name={`stage-${i()}-name`}
									value={stage.name}
									required
									disabled={!props.canEdit}
									onInput={(e) => patch(i(), { name: e.currentTarget.value })}
								/>
								<SelectField
									label="Approved by"
									name={`stage-${i()}-role`}
									options={APPROVERS}
									value={stage.role}
									disabled={!props.canEdit}
									onChange={(e) => patch(i(), { role: e.currentTarget.value as StageDraft["role"] })}
								/>
								<Show when={stage.role === "named"}>
									<div class="stack" style={{ gap: "4px" }}>
										<For each={members()?.data.filter((m) => m.status === "active") ?? []}>
											{(m) => (
												<label class="row" style={{ gap: "6px" }}>
													<input
														type="checkbox"
														disabled={!props.canEdit}
														checked={stage.approverIds.includes(m.id)}
														onChange={(e) =>
															patch(i(), {
																approverIds: e.currentTarget.checked
																	? [...stage.approverIds, m.id]
																	: stage.approverIds.filter((x) => x !== m.id),
															})
														}
													/>
													{m.name || m.email}
												</label>
											)}
										</For>
									</div>
								</Show>
								<div class="row" style={{ gap: "12px", "flex-wrap": "wrap" }}>
									<TextField
										label="Approvals needed"
										name={`stage-${i()}-min`}
										type="number"
										min="1"
										value={stage.minApprovals}
										disabled={!props.canEdit}
										onInput={(e) => patch(i(), { minApprovals: e.currentTarget.value })}
									/>
									<TextField
										label="SLA (hours)"
										name={`stage-${i()}-sla`}
										type="number"
										min="1"
										hint="A reminder when it passes"
										value={stage.slaHours}
										disabled={!props.canEdit}
										onInput={(e) => patch(i(), { slaHours: e.currentTarget.value })}
									/>
									<SelectField
										label="Escalate after twice the SLA to"
										name={`stage-${i()}-escalate`}
										options={ESCALATE}
										value={stage.escalateTo}
										disabled={!props.canEdit}
										onChange={(e) => patch(i(), { escalateTo: e.currentTarget.value as StageDraft["escalateTo"] })}
									/>
								</div>
								<Show when={props.canEdit}>
									<div>
										<Button
											size="sm"
											variant="ghost"
											onClick={() => setStages((all) => all.filter((_, j) => j !== i()))}
										>
											Remove stage
										</Button>
									</div>
								</Show>
							</fieldset>
						)}
					</For>
					<Show when={props.canEdit}>
						<div>
							<Button onClick={() => setStages((all) => [...all, emptyStage()])}>Add a stage</Button>
						</div>
					</Show>
					<div class="row" style={{ gap: "12px", "flex-wrap": "wrap" }}>
						<TextField
							label="Only when the audience is at least"
							name="min_audience"
							type="number"
							min="0"
							hint="Empty: any audience"
							value={minAudience()}
							disabled={!props.canEdit}
							onInput={(e) => setMinAudience(e.currentTarget.value)}
						/>
						<TextField
							label="Or the campaign has a tag"
							name="tags"
							hint="Comma-separated; empty: every campaign"
							value={tags()}
							disabled={!props.canEdit}
							onInput={(e) => setTags(e.currentTarget.value)}
						/>
					</div>
					<label class="row" style={{ gap: "6px" }}>
						<input
							type="checkbox"
							checked={allowSelf()}
							disabled={!props.canEdit}
							onChange={(e) => setAllowSelf(e.currentTarget.checked)}
						/>
						The member who requested a review may approve it
					</label>
					<FormAlert message={error()} />
					<Show when={props.canEdit}>
						<div>
							<Button type="submit" variant="primary" loading={saving()}>
								Save policy
							</Button>
						</div>
					</Show>
				</form>
			</Show>
		</section>
	);
}
