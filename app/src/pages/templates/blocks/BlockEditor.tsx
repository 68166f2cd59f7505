import { A } from "@solidjs/router";
import { createEffect, createMemo, createSignal, on, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { Button } from "../../../components/Button";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { EmptyState } from "../../../components/EmptyState";
import { FormAlert } from "../../../components/FormAlert";
import { PageHeader } from "../../../components/PageHeader";
import { TextField } from "../../../components/TextField";
import { toast } from "../../../components/Toasts";
import { ApiError, updateTemplate } from "../../../lib/api";
import { createSubmission } from "../../../lib/form";
import { formatRelative } from "../../../lib/format";
import { atLeast } from "../../../lib/roles";
import { useMe } from "../../../lib/session";
import type { Template } from "../../../lib/types";
import type { PreviewAs } from "../ContactPicker";
import { DeleteTemplateDialog } from "../editor/DeleteTemplateDialog";
import { createLivePreview } from "../editor/live-preview";
import { PreviewPane } from "../editor/PreviewPane";
import { useUnsavedGuard } from "../editor/unsaved-guard";
import { SendTestDialog } from "../SendTestDialog";
import { BlockList } from "./Canvas";
import { type Block, type BlockDocument, DEFAULT_THEME, findBlock } from "./doc";
import { Inspector } from "./Inspector";
import { useUndoKeys } from "./keys";
import { createBlockOps, issueTarget } from "./ops";
import { createSavedBlocks, Palette } from "./Palette";
import { SaveBlockDialog } from "./SaveBlockDialog";
import { ThemePanel } from "./ThemePanel";
import "./block-editor.css";

const FIELDS = ["name", "subject", "preheader", "blocks"] as const;
/** A plain copy of store data (reading it through the store, so whatever computes it tracks every field). */
const plain = <T,>(value: T): T => JSON.parse(JSON.stringify(value));

/** The block editor of a block template: palette, canvas, inspector, theme and the live preview. */
export default function BlockEditor(props: { template: Template; onReplaced: (template: Template) => void }) {
	const me = useMe();
	const canEdit = () => atLeast(me().role, "editor");
	const [current, setCurrent] = createSignal(props.template);
	const [name, setName] = createSignal(props.template.name);
	const [subject, setSubject] = createSignal(props.template.subject);
	const [preheader, setPreheader] = createSignal(props.template.preheader ?? "");
	const initial: BlockDocument = props.template.blocks ?? { version: 1, theme: DEFAULT_THEME, blocks: [] };
	const [doc, setDoc] = createStore<BlockDocument>(plain(initial));
	const ops = createBlockOps(doc, setDoc);
	useUndoKeys(ops.history);
	const saved = createSavedBlocks();
	const [previewAs, setPreviewAs] = createSignal<PreviewAs>(null);
	const [testing, setTesting] = createSignal(false);
	const [deleting, setDeleting] = createSignal(false);
	const [switching, setSwitching] = createSignal(false);
	const [saving, setSaving] = createSignal<Block>();

	const body = () => ({
		name: name(),
		subject: subject(),
		preheader: preheader().trim() ? preheader() : null,
		blocks: plain(doc),
	});
	const snapshot = () => JSON.stringify(body());
	const [savedSnapshot, setSavedSnapshot] = createSignal(snapshot());
	const dirty = createMemo(() => snapshot() !== savedSnapshot());

	const save = createSubmission(async () => {
		const sent = snapshot();
		const updated = await updateTemplate(props.template.id, body() as never);
		setCurrent(updated);
		setSavedSnapshot(sent);
		toast.success("Template saved");
		return true;
	}, FIELDS);
	createEffect(on(snapshot, () => save.reset(), { defer: true }));
	const guard = useUnsavedGuard({ dirty, canEdit, save: () => void save.submit() });
	const beforeSend = async () => (dirty() ? (await save.submit()) === true : true);

	const preview = createLivePreview(
		() => ({
			subject: subject(),
			preheader: preheader().trim() ? preheader() : null,
			text: props.template.text,
			blocks: plain(doc),
		}),
		previewAs,
	);
	const issues = () => {
		const e = save.error();
		return e instanceof ApiError && e.issues.length > 0 ? e.issues : preview.issues();
	};
	const blockIssue = (id: string, field: string) =>
		issues().find((i) => {
			const t = issueTarget(doc, i.path);
			return t?.id === id && (t.field === field || t.field.startsWith(`${field}.`));
		})?.message;
	const fieldError = (path: string) => issues().find((i) => i.path === path)?.message;
	const formError = () => {
		const e = save.error();
		if (e instanceof ApiError && e.issues.some((i) => issueTarget(doc, i.path)))
			return "The template was not saved: fix the blocks marked below.";
		return save.formError();
	};

	return (
		<div class="template-editor block-editor">
			<nav class="breadcrumb" aria-label="Breadcrumb">
				<A href="/templates">Templates</A> <span aria-hidden="true">/</span> <span>{current().name}</span>
			</nav>
			<PageHeader
				title={current().name}
				description={`Block template · updated ${formatRelative(current().updated_at)}`}
				actions={
					<Show when={canEdit()}>
						<span class="save-state muted small" aria-live="polite" data-testid="save-state">
							{dirty() ? "Unsaved changes" : "All changes saved"}
						</span>
						<Button variant="ghost" onClick={() => setSwitching(true)}>
							Edit as HTML
						</Button>
						<Button variant="ghost" class="text-danger" onClick={() => setDeleting(true)}>
							Delete
						</Button>
						<Button onClick={() => setTesting(true)}>Send test</Button>
						<Button variant="primary" type="submit" form="template-form" loading={save.pending()}>
							Save
						</Button>
					</Show>
				}
			/>
			<Show when={!canEdit()}>
				<FormAlert tone="info" message={`You are a ${me().role}: you can preview this template but not change it.`} />
			</Show>
			<form id="template-form" class="template-layout" onSubmit={save.submit} noValidate>
				<div class="stack template-source">
					<section class="card stack" aria-label="Template details">
						<FormAlert message={formError()} />
						<fieldset class="stack" disabled={!canEdit()}>
							<legend class="sr-only">Template details</legend>
							<TextField
								label="Name"
								name="name"
								value={name()}
								onInput={(e) => setName(e.currentTarget.value)}
								error={fieldError("name")}
								hint="Only your team sees it."
							/>
							<TextField
								label="Subject"
								name="subject"
								value={subject()}
								onInput={(e) => setSubject(e.currentTarget.value)}
								error={fieldError("subject")}
							/>
							<TextField
								label="Preheader"
								name="preheader"
								value={preheader()}
								onInput={(e) => setPreheader(e.currentTarget.value)}
								error={fieldError("preheader")}
								hint="The preview line inboxes show after the subject."
							/>
						</fieldset>
					</section>
					<Show when={canEdit()}>
						<ThemePanel
							theme={doc.theme}
							onChange={ops.theme}
							errorOf={(f) => fieldError(`blocks.theme.${f}`) ?? fieldError(`template.blocks.theme.${f}`)}
						/>
						<Palette add={ops.add} insert={ops.insert} saved={saved} canEdit={canEdit()} />
					</Show>
					<section class="card be-canvas" aria-label="Email blocks">
						<div class="be-canvas-head">
							<h2 class="card-title">Blocks</h2>
							<Show when={canEdit()}>
								<span class="be-card-actions">
									<Button size="sm" variant="ghost" disabled={!ops.history.canUndo()} onClick={ops.history.undo}>
										Undo
									</Button>
									<Button size="sm" variant="ghost" disabled={!ops.history.canRedo()} onClick={ops.history.redo}>
										Redo
									</Button>
								</span>
							</Show>
						</div>
						<p class="muted small">
							Drag a block by its card, or use ↑ ↓, to change the order. Select a block to edit its content and style.
						</p>
						<Show
							when={doc.blocks.length > 0}
							fallback={<EmptyState title="No blocks yet">Add a heading, text or button from the palette.</EmptyState>}
						>
							<BlockList
								blocks={doc.blocks}
								label="Blocks of the email"
								ops={{
									...ops,
									readOnly: !canEdit(),
									saveAsReusable: (id) => setSaving(() => findBlock(doc, id)),
									hasIssue: (id) => issues().some((i) => issueTarget(doc, i.path)?.id === id),
									inspector: (block) => (
										<Inspector
											block={block}
											update={(fn) => ops.update(block.id, fn)}
											errorOf={(field) => blockIssue(block.id, field)}
										/>
									),
								}}
							/>
						</Show>
					</section>
				</div>
				<PreviewPane preview={preview} previewAs={previewAs()} onPreviewAs={setPreviewAs} />
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
			<SaveBlockDialog block={saving()} onClose={() => setSaving(undefined)} onSaved={saved.refetch} />
			<ConfirmDialog
				open={switching()}
				title="Edit this template as HTML?"
				confirmLabel="Switch to HTML"
				onClose={() => setSwitching(false)}
				onConfirm={async () => {
					if (dirty() && (await save.submit()) !== true) throw new Error("Save the template first: it has errors.");
					const updated = await updateTemplate(props.template.id, { editor: "html" });
					toast.success("The template is now edited as HTML");
					guard.allowLeave();
					props.onReplaced(updated);
				}}
			>
				<p>
					The HTML the blocks compile to becomes the template's source, for you to edit by hand. This cannot be undone:
					the blocks are not kept, and HTML cannot be turned back into blocks.
				</p>
			</ConfirmDialog>
			<DeleteTemplateDialog
				open={deleting()}
				templateId={props.template.id}
				name={current().name}
				onClose={() => setDeleting(false)}
				allowLeave={guard.allowLeave}
			/>
		</div>
	);
}
