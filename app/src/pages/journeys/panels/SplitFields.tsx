import { Index, Show } from "solid-js";
import { Button } from "../../../components/Button";
import { TextField } from "../../../components/TextField";
import { fieldIssue, useBuilder } from "../builder/context";
import type { Node } from "../model/graph";
import { editNode } from "./node-edit";

type Split = Extract<Node, { type: "split" }>;
type Arm = Split["arms"][number];

const nextArmId = (arms: Arm[]) => {
	for (const letter of "abcdefgh") if (!arms.some((a) => a.id === letter)) return letter;
	return `arm_${arms.length + 1}`;
};

/** Split: each contact is put in one arm at random by weight (stable per contact), and the arms are compared. */
export function SplitFields(props: { id: string; node: Split }) {
	const builder = useBuilder();
	const setArm = (i: number, patch: Partial<Arm>) =>
		editNode<Split>(builder, props.id, (n) => ({
			...n,
			arms: n.arms.map((a, j) => (j === i ? { ...a, ...patch } : a)),
		}));
	return (
		<>
			<p class="muted small">
				Weights are shares: 50 and 50 split evenly, 90 and 10 send one in ten down the second arm.
			</p>
			<Index each={props.node.arms}>
				{(arm, i) => (
					<div class="split-arm">
						<TextField
							label={`Arm ${i + 1} name`}
							name={`arm_${i}_id`}
							value={arm().id}
							error={fieldIssue(builder, props.id, `arms.${i}.id`)}
							onChange={(e) => setArm(i, { id: e.currentTarget.value.trim() })}
						/>
						<TextField
							label="Weight"
							name={`arm_${i}_weight`}
							type="number"
							min={1}
							max={100}
							value={arm().weight}
							error={fieldIssue(builder, props.id, `arms.${i}.weight`)}
							onChange={(e) => setArm(i, { weight: Math.round(Number(e.currentTarget.value)) || 1 })}
						/>
						<Show when={props.node.arms.length > 2}>
							<Button
								size="sm"
								variant="ghost"
								onClick={() =>
									editNode<Split>(builder, props.id, (n) => ({ ...n, arms: n.arms.filter((_, j) => j !== i) }))
								}
							>
								Remove
							</Button>
						</Show>
					</div>
				)}
			</Index>
			<Show when={props.node.arms.length < 8}>
				<Button
					size="sm"
					onClick={() =>
						editNode<Split>(builder, props.id, (n) => ({
							...n,
							arms: [...n.arms, { id: nextArmId(n.arms), weight: 50, next: n.arms[0]?.next ?? "" }],
						}))
					}
				>
					+ Add an arm
				</Button>
			</Show>
		</>
	);
}
