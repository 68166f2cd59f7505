import { A, useNavigate, useParams } from "@solidjs/router";
import { createMemo, createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { CloneButton } from "../../components/clone/CloneButton";
import { EmptyState } from "../../components/EmptyState";
import { FormAlert } from "../../components/FormAlert";
import { HistoryPanel } from "../../components/history/HistoryPanel";
import { LinkButton } from "../../components/LinkButton";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { TextField } from "../../components/TextField";
import { toast } from "../../components/Toasts";
import {
	ApiError,
	createSegment,
	deleteSegment,
	getSegment,
	getSegmentFields,
	messageOf,
	segmentCsvUrl,
	updateSegment,
} from "../../lib/api";
import { createSubmission } from "../../lib/form";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import type { Segment } from "../../lib/types";
import { CountPanel } from "./builder/CountPanel";
import { createLiveCount } from "./builder/live-count";
import { fromDefinition, type PathIndex } from "./definition";
import { type PinnedIssue, pinIssues } from "./issues";
import { BUILTIN_ATTRIBUTES, newGroup, newRule } from "./model";
import { RuleTree, type TreeEditor } from "./RuleTree";
import { createRuleTree } from "./tree/store";

/** `/segments/new` and `/segments/:id`: loads the segment (if any), then the builder. */
export default function SegmentBuilderPage() {
	const params = useParams<{ id?: string }>();
	const [segment, { refetch }] = createResource(
		() => params.id ?? "new",
		async (id) => (id === "new" ? null : await getSegment(id)),
	);
	const notFound = () => segment.error instanceof ApiError && segment.error.status === 404;
	return (
		<Switch fallback={<LoadingState label="Loading segment…" />}>
			<Match when={notFound()}>
				<section class="card">
					<EmptyState
						icon="segments"
						title="Segment not found"
						action={<LinkButton href="/segments">Back to segments</LinkButton>}
					>
						It may have been deleted.
					</EmptyState>
				</section>
			</Match>
			<Match when={segment.error}>
				<section class="card">
					<EmptyState title="Could not load this segment" action={<Button onClick={refetch}>Try again</Button>}>
						{messageOf(segment.error)}
					</EmptyState>
				</section>
			</Match>
			<Match when={segment.state === "ready" && params.id === segment()?.id}>
				<Builder segment={segment() ?? undefined} />
			</Match>
			<Match when={segment.state === "ready" && !params.id}>
				<Builder />
			</Match>
		</Switch>
	);
}

function Builder(props: { segment?: Segment }) {
	const me = useMe();
	const navigate = useNavigate();
	const canEdit = () => atLeast(me().role, "editor");
	const [name, setName] = createSignal(props.segment?.name ?? "");
	const [showJson, setShowJson] = createSignal(false);
	const [jsonDraft, setJsonDraft] = createSignal<string>();
	const [jsonError, setJsonError] = createSignal<string>();
	const [issues, setIssues] = createSignal<PinnedIssue[]>([]);
	const [deleting, setDeleting] = createSignal(false);

	// A new segment starts with one empty rule: nothing is marked wrong until the person changes something.
	const [touched, setTouched] = createSignal(Boolean(props.segment));
	const tree = createRuleTree(
		props.segment ? fromDefinition(props.segment.definition) : newGroup("all", [newRule()]),
		() => {
			setTouched(true);
			setJsonDraft(undefined);
		},
	);
	const built = tree.built;
	const definitionText = createMemo(() => JSON.stringify(built().definition));

	const pin = (error: unknown, index: PathIndex): boolean => {
		if (!(error instanceof ApiError) || error.code !== "validation_failed") return false;
		const pinned = pinIssues(error.issues, index, tree.root().id);
		setIssues(pinned);
		return pinned.length > 0;
	};
	const count = createLiveCount({
		definitionText,
		index: () => built().index,
		pin: (error, index) => touched() && pin(error, index),
		onAccepted: () => setIssues([]),
		quiet: () => !touched(),
	});
	const preview = count.preview;

	// ---- what the pickers offer: attribute names and values, tags, events and properties, campaigns ------------
	const [fields] = createResource(
		() => me().workspace.id,
		() => getSegmentFields(),
	);
	const attributeNames = createMemo(() => [
		...new Set([
			...BUILTIN_ATTRIBUTES,
			...(fields.latest?.attributes ?? []).map((a) => a.key),
			...(preview()?.sample ?? []).flatMap((c) => Object.keys(c.attributes)),
		]),
	]);
	const aloneCount = (id: string) => {
		const counts = preview()?.rule_counts;
		const path = built().index.get(id);
		if (!counts || path === undefined) return undefined;
		return counts.find((c) => c.path === path || `${c.path}.not` === path)?.count;
	};

	// ---- JSON view --------------------------------------------------------------------------------------------
	const pretty = () => JSON.stringify(built().definition, null, 2);
	const onJsonInput = (text: string) => {
		setJsonDraft(text);
		setTouched(true);
		try {
			const parsed: unknown = JSON.parse(text);
			setJsonError(undefined);
			tree.replace(fromDefinition(parsed));
		} catch (error) {
			setJsonError(`Not valid JSON yet: ${messageOf(error)}`);
		}
	};

	// ---- save and delete --------------------------------------------------------------------------------------
	const save = createSubmission(async () => {
		const { definition, index } = built();
		try {
			const existing = props.segment;
			if (existing) {
				await updateSegment(existing.id, { name: name(), definition });
				toast.success("Segment saved");
			} else {
				const created = await createSegment({ name: name(), definition });
				toast.success(`Created “${created.name}”`);
				navigate(`/segments/${created.id}`, { replace: true });
			}
		} catch (error) {
			pin(error, index);
			throw error;
		}
	}, ["name", "definition"]);

	const readOnly = () => !canEdit();
	const editor: TreeEditor = {
		edit: tree.edit,
		remove: tree.remove,
		readOnly,
		issuesOf: (id) => issues().filter((i) => i.nodeId === id),
		attributeList: "segment-attributes",
		fields: () => fields.latest,
		aloneCount,
	};

	return (
		<>
			<nav class="breadcrumb" aria-label="Breadcrumb">
				<A href="/segments">Segments</A> <span aria-hidden="true">/</span>{" "}
				<span>{props.segment?.name ?? "New segment"}</span>
			</nav>
			<PageHeader
				title={props.segment ? props.segment.name : "New segment"}
				description="Contacts who match these rules, counted live as you edit them."
				actions={
					<>
						<Show when={props.segment}>
							{(s) => (
								<a class="btn btn-secondary btn-md" href={segmentCsvUrl(s().id)} download="" data-testid="segment-csv">
									Export CSV
								</a>
							)}
						</Show>
						<Show when={canEdit() && props.segment}>
							{(s) => (
								<>
									<Button variant="ghost" class="text-danger" onClick={() => setDeleting(true)}>
										Delete
									</Button>
									<CloneButton kind="segment" id={s().id} name={s().name} />
								</>
							)}
						</Show>
					</>
				}
			/>
			<datalist id="segment-attributes">
				<For each={attributeNames()}>{(key) => <option value={key} />}</For>
			</datalist>
			<form class="builder-layout" onSubmit={save.submit} noValidate>
				<div class="stack">
					<section class="card stack">
						<FormAlert message={save.formError()} />
						<Show when={save.field("definition") && !save.formError()}>
							<FormAlert message="The segment was not saved: fix the highlighted rules." />
						</Show>
						<fieldset class="stack" disabled={readOnly()}>
							<TextField
								label="Name"
								name="name"
								placeholder="e.g. Berlin customers"
								value={name()}
								onInput={(e) => setName(e.currentTarget.value)}
								error={save.field("name")}
							/>
						</fieldset>
						<div class="builder-head">
							<h2 class="card-title">Rules</h2>
							<button
								type="button"
								class="btn btn-ghost btn-sm"
								aria-pressed={showJson()}
								onClick={() => setShowJson((v) => !v)}
							>
								{showJson() ? "Hide JSON" : "JSON"}
							</button>
						</div>
						<fieldset disabled={readOnly()} class="builder-tree">
							<RuleTree root={tree.root()} editor={editor} />
						</fieldset>
						<Show when={showJson()}>
							<TextField
								multiline
								label="Definition (JSON)"
								name="definition"
								class="input textarea mono json-editor"
								spellcheck={false}
								readOnly={readOnly()}
								value={jsonDraft() ?? pretty()}
								onInput={(e) => onJsonInput(e.currentTarget.value)}
								onBlur={() => {
									if (!jsonError()) setJsonDraft(undefined);
								}}
								error={jsonError()}
								hint="Edits here update the rules above as soon as they are valid JSON."
							/>
						</Show>
					</section>
					<Show when={canEdit()}>
						<div class="form-actions">
							<LinkButton href="/segments">Cancel</LinkButton>
							<Button type="submit" variant="primary" loading={save.pending()}>
								{props.segment ? "Save changes" : "Save segment"}
							</Button>
						</div>
					</Show>
				</div>
				<CountPanel count={count} />
			</form>
			<Show when={props.segment}>{(s) => <HistoryPanel type="segment" id={s().id} />}</Show>
			<ConfirmDialog
				open={deleting()}
				title="Delete this segment?"
				confirmLabel="Delete segment"
				onClose={() => setDeleting(false)}
				onConfirm={async () => {
					const segment = props.segment;
					if (!segment) return;
					await deleteSegment(segment.id);
					toast.success(`Deleted “${segment.name}”`);
					navigate("/segments", { replace: true });
				}}
			>
				<p>
					<strong>{props.segment?.name}</strong> is removed. Its contacts stay as they are; campaigns that already went
					out keep their recipients.
				</p>
			</ConfirmDialog>
		</>
	);
}
