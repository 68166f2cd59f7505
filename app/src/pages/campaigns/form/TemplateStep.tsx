import { A } from "@solidjs/router";
import { type Accessor, createResource, Match, onCleanup, Show, Switch } from "solid-js";
import { EmailPreview } from "../../../components/EmailPreview";
import { FormAlert } from "../../../components/FormAlert";
import { LinkButton } from "../../../components/LinkButton";
import { SelectField } from "../../../components/SelectField";
import { LoadingState } from "../../../components/Spinner";
import { listTemplates, messageOf, previewTemplate } from "../../../lib/api";
import type { Draft } from "./draft";
import type { StepProps } from "./step";

/** The workspace's templates and the chosen one rendered as it will be sent (again when the window regains focus). */
export function createTemplateChoices(draft: Accessor<Draft>) {
	const [templates] = createResource(async () => (await listTemplates({ limit: 500 })).data);
	const [preview, { refetch }] = createResource(
		() => draft().template_id || false,
		(id) => previewTemplate(id),
	);
	// The template may have been edited in another tab.
	const onFocus = () => {
		if (draft().template_id) void refetch();
	};
	window.addEventListener("focus", onFocus);
	onCleanup(() => window.removeEventListener("focus", onFocus));
	return { templates, preview };
}

export type TemplateChoices = ReturnType<typeof createTemplateChoices>;

/** Step 3: the template, with its preview. */
export function TemplateStep(props: StepProps & { choices: TemplateChoices }) {
	return (
		<section class="card stack form-step" aria-labelledby="step-template">
			<h2 class="card-title step-title" id="step-template">
				<span class="step-number">3</span> Template
			</h2>
			<Show
				when={(props.choices.templates.latest?.length ?? 0) > 0 || props.choices.templates.loading}
				fallback={
					<div class="stack">
						<p class="muted">No templates yet: a campaign sends one.</p>
						<div>
							<LinkButton href="/templates">Create a template</LinkButton>
						</div>
						<Show when={props.field("template_id")}>
							<p class="field-error">{props.field("template_id")}</p>
						</Show>
					</div>
				}
			>
				<div class="template-pick">
					<SelectField
						label="Template"
						name="template_id"
						value={props.draft().template_id}
						onChange={props.text("template_id")}
						error={props.field("template_id")}
						options={[
							{ value: "", label: props.choices.templates.loading ? "Loading templates…" : "Choose a template" },
							...(props.choices.templates.latest ?? []).map((t) => ({ value: t.id, label: t.name })),
						]}
					/>
					<Show when={props.draft().template_id}>
						<A
							href={`/templates/${props.draft().template_id}`}
							target="_blank"
							rel="noopener"
							class="btn btn-ghost btn-md"
						>
							Edit template ↗
						</A>
					</Show>
				</div>
			</Show>
			<Show when={props.draft().template_id}>
				<Switch>
					<Match when={props.choices.preview.error}>
						<FormAlert tone="warning" message={`The preview failed: ${messageOf(props.choices.preview.error)}`} />
					</Match>
					<Match when={props.choices.preview.latest}>
						{(r) => (
							<div class="stack campaign-preview" data-testid="campaign-template-preview">
								<div class="rendered-subject">
									<span class="muted small">Subject (for a sample contact)</span>
									<strong data-testid="rendered-subject">{r().subject}</strong>
								</div>
								<EmailPreview
									html={r().html}
									text={r().text}
									headers={r().headers}
									stale={props.choices.preview.loading}
									height={520}
								/>
							</div>
						)}
					</Match>
					<Match when={props.choices.preview.loading}>
						<LoadingState label="Rendering the template…" />
					</Match>
				</Switch>
			</Show>
		</section>
	);
}
