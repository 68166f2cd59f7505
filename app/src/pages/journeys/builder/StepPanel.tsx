import { Match, Show, Switch } from "solid-js";
import { Button } from "../../../components/Button";
import { TextField } from "../../../components/TextField";
import { deleteStep, type Node } from "../model/graph";
import { joinOf } from "../model/layout";
import { stepLabel } from "../model/summary";
import { UpdateFields, WebhookFields } from "../panels/ActionFields";
import { BranchFields } from "../panels/BranchFields";
import { DelayFields } from "../panels/DelayFields";
import { EmailFields } from "../panels/EmailFields";
import { editNode } from "../panels/node-edit";
import { SplitFields } from "../panels/SplitFields";
import { WaitFields } from "../panels/WaitFields";
import { fieldIssue, useBuilder } from "./context";

const is =
	<T extends Node["type"]>(type: T) =>
	(node: Node) =>
		node.type === type ? (node as Extract<Node, { type: T }>) : undefined;

/** The side panel for the selected step: its fields, a loop bound, and Delete. */
export function StepPanel(props: { id: string }) {
	const builder = useBuilder();
	const node = () => builder.definition().nodes[props.id];
	const other = () =>
		builder.issuesOf(props.id).filter((i) => i.field === "" || i.field === "max_iterations" || i.field === "next");
	return (
		<Show when={node()}>
			{(n) => (
				<div class="stack" data-testid="step-panel">
					<div class="card-head">
						<h2 class="card-title">{stepLabel(n().type)}</h2>
						<span class="muted small mono">{props.id}</span>
					</div>
					<fieldset class="stack" disabled={builder.readOnly()}>
						<Switch>
							<Match when={is("send_email")(n())}>{(e) => <EmailFields id={props.id} node={e()} />}</Match>
							<Match when={is("delay")(n())}>{(d) => <DelayFields id={props.id} node={d()} />}</Match>
							<Match when={is("wait_event")(n())}>{(w) => <WaitFields id={props.id} node={w()} />}</Match>
							<Match when={is("branch")(n())}>{(b) => <BranchFields id={props.id} node={b()} />}</Match>
							<Match when={is("split")(n())}>{(s) => <SplitFields id={props.id} node={s()} />}</Match>
							<Match when={is("webhook")(n())}>{(w) => <WebhookFields id={props.id} node={w()} />}</Match>
							<Match when={is("update_contact")(n())}>{(u) => <UpdateFields id={props.id} node={u()} />}</Match>
							<Match when={n().type === "exit"}>
								<p class="muted">Contacts who reach this step leave the journey (completed).</p>
							</Match>
						</Switch>
						<Show when={n().type !== "exit"}>
							<TextField
								label="Most passes per contact (for loops)"
								name="max_iterations"
								type="number"
								min={1}
								max={1000}
								value={"max_iterations" in n() ? ((n() as { max_iterations?: number }).max_iterations ?? "") : ""}
								hint="A step inside a loop needs a bound, and the loop a delay"
								error={fieldIssue(builder, props.id, "max_iterations")}
								onChange={(e) => {
									const value = Math.round(Number(e.currentTarget.value));
									editNode(
										builder,
										props.id,
										(node) => ({ ...node, max_iterations: value > 0 ? value : undefined }) as Node,
									);
								}}
							/>
						</Show>
					</fieldset>
					<Show when={other().length > 0}>
						<div class="alert alert-danger" role="alert">
							{other()
								.map((i) => i.message)
								.join(" ")}
						</div>
					</Show>
					<Show when={!builder.readOnly() && n().type !== "exit"}>
						<div>
							<Button
								variant="danger"
								size="sm"
								onClick={() => {
									builder.change(deleteStep(builder.definition(), props.id, joinOf));
									builder.select(undefined);
								}}
							>
								Delete step
							</Button>
						</div>
					</Show>
				</div>
			)}
		</Show>
	);
}
