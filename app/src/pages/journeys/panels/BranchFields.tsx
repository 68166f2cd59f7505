import { Index, Match, Show, Switch } from "solid-js";
import { Button } from "../../../components/Button";
import { SelectField } from "../../../components/SelectField";
import { fieldIssue, useBuilder } from "../builder/context";
import type { Node } from "../model/graph";
import { editNode } from "./node-edit";
import { PathRules } from "./PathRules";

type Branch = Extract<Node, { type: "branch" }>;
type Path = Branch["paths"][number];
type Kind = "rules" | "opened" | "clicked";

const KINDS = [
	{ value: "rules", label: "The contact matches rules" },
	{ value: "opened", label: "They opened an earlier email" },
	{ value: "clicked", label: "They clicked in an earlier email" },
];

const kindOf = (path: Path): Kind =>
	typeof path.if === "object" && path.if !== null && "node" in path.if ? (path.if.engagement as Kind) : "rules";

/** Branch: paths tried in order (rules on the contact now, or engagement with an earlier email), else "Otherwise". */
export function BranchFields(props: { id: string; node: Branch }) {
	const builder = useBuilder();
	const emails = () =>
		Object.entries(builder.definition().nodes)
			.filter(([, n]) => n.type === "send_email")
			.map(([id]) => ({ value: id, label: `Email step ${id}` }));
	const setPath = (i: number, change: (path: Path) => Path) =>
		editNode<Branch>(builder, props.id, (n) => ({ ...n, paths: n.paths.map((p, j) => (j === i ? change(p) : p)) }));
	const setKind = (i: number, kind: Kind) =>
		setPath(i, (p) => ({
			...p,
			if: kind === "rules" ? { all: [] } : { engagement: kind, node: emails()[0]?.value ?? "" },
		}));
	return (
		<>
			<p class="muted small">
				Each contact takes the first path whose condition holds, else “Otherwise”. Opens and clicks count people only
				(no bots, no privacy prefetches).
			</p>
			<Index each={props.node.paths}>
				{(path, i) => (
					<fieldset class="branch-path">
						<legend>Path {i + 1}</legend>
						<SelectField
							label="Condition"
							name={`path_${i}_kind`}
							options={KINDS}
							value={kindOf(path())}
							onChange={(e) => setKind(i, e.currentTarget.value as Kind)}
						/>
						<Switch>
							<Match when={kindOf(path()) === "rules"}>
								<PathRules
									rule={path().if}
									onChange={(rule) => setPath(i, (p) => ({ ...p, if: rule as Path["if"] }))}
								/>
							</Match>
							<Match when={kindOf(path()) !== "rules"}>
								<SelectField
									label="Email step"
									name={`path_${i}_node`}
									options={[{ value: "", label: "Choose an email step…" }, ...emails()]}
									value={(path().if as { node?: string }).node ?? ""}
									onChange={(e) =>
										setPath(i, (p) => ({
											...p,
											if: { engagement: kindOf(p) as "opened", node: e.currentTarget.value },
										}))
									}
								/>
							</Match>
						</Switch>
						<Show when={fieldIssue(builder, props.id, `paths.${i}`)}>
							{(message) => <p class="field-error">{message()}</p>}
						</Show>
						<Show when={props.node.paths.length > 1}>
							<Button
								size="sm"
								variant="ghost"
								onClick={() =>
									editNode<Branch>(builder, props.id, (n) => ({ ...n, paths: n.paths.filter((_, j) => j !== i) }))
								}
							>
								Remove path {i + 1}
							</Button>
						</Show>
					</fieldset>
				)}
			</Index>
			<Show when={props.node.paths.length < 10}>
				<Button
					size="sm"
					onClick={() =>
						editNode<Branch>(builder, props.id, (n) => ({
							...n,
							paths: [...n.paths, { if: { all: [] }, next: n.else }],
						}))
					}
				>
					+ Add a path
				</Button>
			</Show>
		</>
	);
}
