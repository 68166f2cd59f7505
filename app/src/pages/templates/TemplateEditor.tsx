import { A, useParams } from "@solidjs/router";
import {
	createEffect,
	createMemo,
	createResource,
	createSignal,
	lazy,
	Match,
	on,
	Show,
	Suspense,
	Switch,
} from "solid-js";
import type { ApiIssue } from "../../../../worker/contracts/common";
import { Button } from "../../components/Button";
import { CloneButton } from "../../components/clone/CloneButton";
import { EmptyState } from "../../components/EmptyState";
import { FormAlert } from "../../components/FormAlert";
import { HistoryPanel } from "../../components/history/HistoryPanel";
import { LinkButton } from "../../components/LinkButton";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { TextField } from "../../components/TextField";
import { toast } from "../../components/Toasts";
import { ApiError, getTemplate, messageOf, updateTemplate } from "../../lib/api";
import { createSubmission } from "../../lib/form";
import { formatRelative } from "../../lib/format";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import type { Template } from "../../lib/types";
import { AskAssistant } from "../assistant/AskAssistant";
import type { PreviewAs } from "./ContactPicker";
import { DeleteTemplateDialog } from "./editor/DeleteTemplateDialog";
import { bodyOf, type Draft, draftOf, FIELDS, issueText } from "./editor/draft";
import { HtmlField } from "./editor/HtmlField";
import { createLivePreview } from "./editor/live-preview";
import { PreviewPane } from "./editor/PreviewPane";
import { useUnsavedGuard } from "./editor/unsaved-guard";
import { SendTestDialog } from "./SendTestDialog";

/** The block editor is its own chunk: only block templates load it. */
const BlockEditor = lazy(() => import("./blocks/BlockEditor"));

/** `/templates/:id`: loads the template, then its editor (blocks or HTML). */
export default function TemplateEditorPage() {
	const params = useParams<{ id: string }>();
	const [template, { refetch, mutate }] = createResource(
		() => params.id,
		(id) => getTemplate(id),
	);
	const notFound = () => template.error instanceof ApiError && template.error.status === 404;
	return (
		<Switch fallback={<LoadingState label="Loading template…" />}>
			<Match when={notFound()}>
				<section class="card">
					<EmptyState
						icon="templates"
						title="Template not found"
						action={<LinkButton href="/templates">Back to templates</LinkButton>}
					>
						It may have been deleted.
					</EmptyState>
				</section>
			</Match>
			<Match when={template.error}>
				<section class="card">
					<EmptyState title="Could not load this template" action={<Button onClick={refetch}>Try again</Button>}>
						{messageOf(template.error)}
					</EmptyState>
				</section>
			</Match>
			<Match when={template.state === "ready" && template()?.id === params.id && template()} keyed>
				{(t) => (
					<Show when={t.editor === "blocks"} fallback={<Editor template={t} />}>
						<Suspense fallback={<LoadingState label="Loading the block editor…" />}>
							<BlockEditor template={t} onReplaced={(next) => mutate(next)} />
						</Suspense>
					</Show>
				)}
			</Match>
		</Switch>
	);
}

function Editor(props: { template: Template }) {
	const me = useMe();
	const canEdit = () => atLeast(me().role, "editor");
	const [current, setCurrent] = createSignal(props.template);
	const [saved, setSaved] = createSignal<Draft>(draftOf(props.template));
	const [draft, setDraft] = createSignal<Draft>(draftOf(props.template));
	const [previewAs, setPreviewAs] = createSignal<PreviewAs>(null);
	const [testing, setTesting] = createSignal(false);
	const [deleting, setDeleting] = createSignal(false);

	const set = (key: keyof Draft) => (e: { currentTarget: { value: string } }) =>
		setDraft((d) => ({ ...d, [key]: e.currentTarget.value }));
	const dirty = createMemo(() => JSON.stringify(bodyOf(draft())) !== JSON.stringify(bodyOf(saved())));

	// ---- save, delete ---------------------------------------------------------------------------------------
	const save = createSubmission(async () => {
		const updated = await updateTemplate(props.template.id, bodyOf(draft()));
		setCurrent(updated);
		setSaved(draftOf(updated));
		toast.success("Template saved");
		return true;
	}, FIELDS);
	// An error describes the source it was about: editing clears it (the live preview keeps checking syntax).
	createEffect(on(draft, () => save.reset(), { defer: true }));
	const beforeSend = async () => (dirty() ? (await save.submit()) === true : true);

	const guard = useUnsavedGuard({ dirty, canEdit, save: () => void save.submit() });

	const preview = createLivePreview(() => {
		const { name: _name, ...source } = bodyOf(draft());
		return source;
	}, previewAs);

	/** The error to show under a field: the last save's, else what the live render found. */
	const issueOf = (path: string): ApiIssue | undefined => {
		const e = save.error();
		const fromSave = e instanceof ApiError ? e.issues.find((i) => i.path === path) : undefined;
		return fromSave ?? preview.issues().find((i) => i.path === path);
	};
	const errorOf = (path: string) => {
		const issue = issueOf(path);
		return issue ? issueText(issue) : undefined;
	};
	const htmlIssue = () => issueOf("html");
	/** A form-level message only for what no field explains (template errors come as 422 with field issues). */
	const formError = () => {
		const e = save.error();
		const fields: readonly string[] = FIELDS;
		if (e instanceof ApiError && e.issues.length > 0 && e.issues.every((i) => fields.includes(i.path))) {
			return "The template was not saved: fix the errors shown under the fields.";
		}
		return save.formError();
	};
	return (
		<div class="template-editor">
			<nav class="breadcrumb" aria-label="Breadcrumb">
				<A href="/templates">Templates</A> <span aria-hidden="true">/</span> <span>{saved().name}</span>
			</nav>
			<PageHeader
				title={saved().name}
				description={`Updated ${formatRelative(current().updated_at)}`}
				actions={
					<>
						<AskAssistant
							prompt={`Suggest three better subject lines and one improvement to the copy of the template "${saved().name}" (${props.template.id}).`}
						/>
						<Show when={canEdit()}>
							<span class="save-state muted small" aria-live="polite" data-testid="save-state">
								{dirty() ? "Unsaved changes" : "All changes saved"}
							</span>
							<Button variant="ghost" class="text-danger" onClick={() => setDeleting(true)}>
								Delete
							</Button>
							<CloneButton kind="template" id={props.template.id} name={saved().name} />
							<Button onClick={() => setTesting(true)}>Send test</Button>
							<Button variant="primary" type="submit" form="template-form" loading={save.pending()}>
								Save
							</Button>
						</Show>
					</>
				}
			/>
			<Show when={!canEdit()}>
				<FormAlert tone="info" message={`You are a ${me().role}: you can preview this template but not change it.`} />
			</Show>
			<form id="template-form" class="template-layout" onSubmit={save.submit} noValidate>
				<section class="card stack template-source" aria-label="Template source">
					<FormAlert message={formError()} />
					<fieldset class="stack" disabled={!canEdit()}>
						<legend class="sr-only">Template details</legend>
						<TextField
							label="Name"
							name="name"
							value={draft().name}
							onInput={set("name")}
							error={errorOf("name")}
							hint="Only your team sees it."
						/>
						<TextField
							label="Subject"
							name="subject"
							value={draft().subject}
							onInput={set("subject")}
							error={errorOf("subject")}
						/>
						<TextField
							label="Preheader"
							name="preheader"
							value={draft().preheader}
							onInput={set("preheader")}
							error={errorOf("preheader")}
							hint="The preview line inboxes show after the subject."
						/>
					</fieldset>
					<HtmlField
						value={draft().html}
						onChange={(html) => setDraft((d) => ({ ...d, html }))}
						readOnly={!canEdit()}
						issue={htmlIssue()}
					/>
					<details class="disclosure" open={Boolean(props.template.text)}>
						<summary>
							<span class="strong-link">Plain text version</span>{" "}
							<span class="muted small">
								{draft().text.trim()
									? "Your own text is used."
									: "Plain text is derived from the HTML unless you write your own."}
							</span>
						</summary>
						<fieldset disabled={!canEdit()}>
							<TextField
								multiline
								rows={8}
								label="Plain text"
								name="text"
								class="input textarea mono"
								spellcheck={false}
								placeholder="Leave empty to derive it from the HTML"
								value={draft().text}
								onInput={set("text")}
								error={errorOf("text")}
							/>
						</fieldset>
					</details>
				</section>
				<PreviewPane preview={preview} previewAs={previewAs()} onPreviewAs={setPreviewAs} />
			</form>
			<div class="section-gap">
				<HistoryPanel type="template" id={props.template.id} />
			</div>
			<SendTestDialog
				open={testing()}
				templateId={props.template.id}
				defaultTo={me().user?.email ?? ""}
				previewAs={previewAs()}
				dirty={dirty()}
				beforeSend={beforeSend}
				onClose={() => setTesting(false)}
			/>
			<DeleteTemplateDialog
				open={deleting()}
				templateId={props.template.id}
				name={saved().name}
				onClose={() => setDeleting(false)}
				allowLeave={guard.allowLeave}
			/>
		</div>
	);
}
