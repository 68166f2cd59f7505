import { A, useBeforeLeave, useNavigate, useParams } from "@solidjs/router";
import { createEffect, createMemo, createResource, createSignal, Match, on, onCleanup, Show, Switch } from "solid-js";
import type { ApiIssue } from "../../../../worker/contracts/common";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmailPreview } from "../../components/EmailPreview";
import { EmptyState } from "../../components/EmptyState";
import { FormAlert } from "../../components/FormAlert";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState, Spinner } from "../../components/Spinner";
import { TextField } from "../../components/TextField";
import { toast } from "../../components/Toasts";
import { ApiError, deleteTemplate, getTemplate, messageOf, renderTemplate, updateTemplate } from "../../lib/api";
import { createDebounced } from "../../lib/debounce";
import { createSubmission } from "../../lib/form";
import { formatRelative } from "../../lib/format";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import type { RenderedEmail, Template } from "../../lib/types";
import { AskAssistant } from "../assistant/AskAssistant";
import { CodeEditor } from "./CodeEditor";
import { ContactPicker, type PreviewAs } from "./ContactPicker";
import { SendTestDialog } from "./SendTestDialog";

/** `/templates/:id`: loads the template, then the editor. */
export default function TemplateEditorPage() {
	const params = useParams<{ id: string }>();
	const [template, { refetch }] = createResource(
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
						action={
							<A href="/templates" class="btn btn-secondary btn-md">
								Back to templates
							</A>
						}
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
				{(t) => <Editor template={t} />}
			</Match>
		</Switch>
	);
}

type Draft = { name: string; subject: string; preheader: string; html: string; text: string };
const FIELDS = ["name", "subject", "preheader", "html", "text"] as const;

const draftOf = (t: Template): Draft => ({
	name: t.name,
	subject: t.subject,
	preheader: t.preheader ?? "",
	html: t.html,
	text: t.text ?? "",
});

/** What the API stores: an empty preheader or plain text means "none" (the text is then derived from the HTML). */
const bodyOf = (d: Draft) => ({
	name: d.name,
	subject: d.subject,
	preheader: d.preheader.trim() ? d.preheader : null,
	html: d.html,
	text: d.text.trim() ? d.text : null,
});

/** "Line 2, column 6: unexpected token" for template errors, the plain message otherwise. */
export const issueText = (issue: ApiIssue) =>
	issue.line ? `Line ${issue.line}, column ${issue.column ?? 1}: ${issue.message}` : issue.message;

function Editor(props: { template: Template }) {
	const me = useMe();
	const navigate = useNavigate();
	const canEdit = () => atLeast(me().role, "editor");
	const [current, setCurrent] = createSignal(props.template);
	const [saved, setSaved] = createSignal<Draft>(draftOf(props.template));
	const [draft, setDraft] = createSignal<Draft>(draftOf(props.template));
	const [previewAs, setPreviewAs] = createSignal<PreviewAs>(null);
	const [testing, setTesting] = createSignal(false);
	const [deleting, setDeleting] = createSignal(false);
	let leaving = false;
	let focusHtmlAt: ((line: number, column: number) => void) | undefined;

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

	useBeforeLeave((event) => {
		if (leaving || !dirty() || !canEdit() || event.defaultPrevented) return;
		event.preventDefault();
		if (window.confirm("Leave without saving? Your changes to this template will be lost.")) {
			leaving = true;
			event.retry(true);
		}
	});
	const onKeyDown = (event: KeyboardEvent) => {
		if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
			event.preventDefault();
			if (canEdit()) void save.submit();
		}
	};
	const onBeforeUnload = (event: BeforeUnloadEvent) => {
		if (dirty() && canEdit()) event.preventDefault();
	};
	window.addEventListener("keydown", onKeyDown);
	window.addEventListener("beforeunload", onBeforeUnload);
	onCleanup(() => {
		window.removeEventListener("keydown", onKeyDown);
		window.removeEventListener("beforeunload", onBeforeUnload);
	});

	// ---- live preview: the unsaved source, rendered exactly as it would be sent ----------------------------------
	const source = createMemo(() => {
		const { subject, preheader, html, text } = bodyOf(draft());
		return JSON.stringify({ subject, preheader, html, text });
	});
	const settled = createDebounced(source, 300);
	const [rendered, setRendered] = createSignal<RenderedEmail>();
	const [renderIssues, setRenderIssues] = createSignal<ApiIssue[]>([]);
	const [renderError, setRenderError] = createSignal<string>();
	const [rendering, setRendering] = createSignal(false);
	let generation = 0;
	createEffect(
		on([settled, previewAs], async ([text, as]) => {
			const mine = ++generation;
			const template = JSON.parse(text) as Omit<ReturnType<typeof bodyOf>, "name">;
			if (!template.html.trim()) {
				setRenderIssues([{ path: "html", message: "Write the email's HTML to see a preview" }]);
				return;
			}
			setRendering(true);
			try {
				const result = await renderTemplate({ template, ...(as ? { contact_id: as.id } : {}) });
				if (mine !== generation) return;
				setRendered(result);
				setRenderIssues([]);
				setRenderError(undefined);
			} catch (error) {
				if (mine !== generation) return;
				const issues = error instanceof ApiError ? error.issues : [];
				setRenderIssues(issues);
				setRenderError(issues.length > 0 ? undefined : messageOf(error));
			} finally {
				if (mine === generation) setRendering(false);
			}
		}),
	);
	const pending = () => rendering() || settled() !== source();
	const stale = () => pending() || renderIssues().length > 0 || Boolean(renderError());

	/** The error to show under a field: the last save's, else what the live render found. */
	const issueOf = (path: string): ApiIssue | undefined => {
		const e = save.error();
		const fromSave = e instanceof ApiError ? e.issues.find((i) => i.path === path) : undefined;
		return fromSave ?? renderIssues().find((i) => i.path === path);
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
	const previewProblem = () => {
		if (renderError()) return `The preview could not be updated: ${renderError()}`;
		const first = renderIssues()[0];
		if (!first) return undefined;
		return rendered()
			? `Showing the last version that rendered. Fix the ${first.path} to update it.`
			: `Fix the ${first.path} to see a preview.`;
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
					<div class="field" classList={{ "field-invalid": Boolean(htmlIssue()) }}>
						<label id="template-html-label" for="template-html">
							HTML
						</label>
						<CodeEditor
							id="template-html"
							labelledBy="template-html-label"
							value={draft().html}
							onChange={(html) => setDraft((d) => ({ ...d, html }))}
							readOnly={!canEdit()}
							invalid={Boolean(htmlIssue())}
							describedBy={htmlIssue() ? "template-html-error" : "template-html-hint"}
							errorLine={htmlIssue()?.line}
							ref={(focusAt) => {
								focusHtmlAt = focusAt;
							}}
						/>
						<Show
							when={htmlIssue()}
							fallback={
								<p class="field-hint" id="template-html-hint">
									Liquid personalises it: <code>{"{{ contact.first_name }}"}</code>,{" "}
									<code>{"{% if %}…{% endif %}"}</code>, <code>{"{{ unsubscribe_url }}"}</code>. Tables and inline
									styles render most reliably across mail clients; a footer with your postal address and an unsubscribe
									link is added if the HTML has none.
								</p>
							}
						>
							{(issue) => (
								<p class="field-error" id="template-html-error" data-field-error data-testid="html-error">
									{issueText(issue())}
									<Show when={issue().line}>
										{(line) => (
											<>
												{" "}
												<button
													type="button"
													class="link-button"
													onClick={() => focusHtmlAt?.(line(), issue().column ?? 1)}
												>
													Go to line {line()}
												</button>
											</>
										)}
									</Show>
								</p>
							)}
						</Show>
					</div>
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
				<aside class="card template-preview" aria-label="Live preview">
					<div class="preview-head">
						<ContactPicker value={previewAs()} onChange={setPreviewAs} />
						<span class="muted small preview-status" aria-live="polite">
							<Show when={pending()}>
								<Spinner size="sm" /> Rendering…
							</Show>
						</span>
					</div>
					<div class="rendered-subject">
						<span class="muted small">Subject</span>
						<strong data-testid="rendered-subject" classList={{ stale: stale() }}>
							{rendered()?.subject ?? "…"}
						</strong>
					</div>
					<FormAlert tone="warning" message={previewProblem()} />
					<Show
						when={rendered()}
						fallback={<Show when={!previewProblem()}>{<LoadingState label="Rendering…" />}</Show>}
					>
						{(r) => <EmailPreview html={r().html} text={r().text} headers={r().headers} stale={stale()} />}
					</Show>
				</aside>
			</form>
			<SendTestDialog
				open={testing()}
				templateId={props.template.id}
				defaultTo={me().user?.email ?? ""}
				previewAs={previewAs()}
				dirty={dirty()}
				beforeSend={beforeSend}
				onClose={() => setTesting(false)}
			/>
			<ConfirmDialog
				open={deleting()}
				title="Delete this template?"
				confirmLabel="Delete template"
				onClose={() => setDeleting(false)}
				onConfirm={async () => {
					await deleteTemplate(props.template.id);
					toast.success(`Deleted “${saved().name}”`);
					leaving = true;
					navigate("/templates", { replace: true });
				}}
			>
				<p>
					<strong>{saved().name}</strong> is deleted for good. Emails already sent with it are not affected.
				</p>
			</ConfirmDialog>
		</div>
	);
}
