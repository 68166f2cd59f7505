import { A, useNavigate } from "@solidjs/router";
import { createEffect, createSignal, For, Show } from "solid-js";
import { buildStarter, STARTERS, type Starter, withSegment } from "../../../../worker/domain/journeys/starters";
import { FormAlert } from "../../components/FormAlert";
import { SelectField } from "../../components/SelectField";
import { Spinner } from "../../components/Spinner";
import { createJourney, createSegment, messageOf } from "../../lib/api";
import { createWorkspaceLists } from "./builder/lists";

/** Starters as cards: choosing one creates the draft (and the segment it needs) and opens it in the builder. */
export function StarterPicker() {
	const navigate = useNavigate();
	const lists = createWorkspaceLists();
	const [templateId, setTemplateId] = createSignal("");
	const [creating, setCreating] = createSignal<string>();
	const [error, setError] = createSignal<string>();
	// The workspace's first template by default; the person may choose another.
	createEffect(() => {
		const first = lists.templates()?.[0];
		if (first && !templateId()) setTemplateId(first.id);
	});
	const noTemplates = () => lists.templates()?.length === 0;

	const create = async (starter: Starter) => {
		if (creating()) return;
		if (starter.needsTemplate && !templateId()) {
			setError("Choose the template its emails send first (create one under Templates if you have none).");
			return;
		}
		setCreating(starter.key);
		setError(undefined);
		try {
			const draft = buildStarter(starter.key, templateId());
			const definition = draft.segment
				? withSegment(
						draft,
						(await createSegment({ name: draft.segment.name, definition: draft.segment.definition })).id,
					)
				: draft.definition;
			const journey = await createJourney({ name: draft.name, definition });
			navigate(`/journeys/${journey.id}`);
		} catch (e) {
			setError(messageOf(e));
			setCreating(undefined);
		}
	};

	return (
		<div class="stack">
			<Show
				when={!noTemplates()}
				fallback={
					<FormAlert
						tone="info"
						message="Journeys send your templates, and you have none yet. Create a template first, or start blank."
					/>
				}
			>
				<div class="starter-template">
					<SelectField
						label="Their emails send"
						name="starter_template"
						hint="Every email step starts with this template; change each one in the builder"
						options={(lists.templates() ?? []).map((t) => ({ value: t.id, label: t.name }))}
						value={templateId()}
						onChange={(e) => setTemplateId(e.currentTarget.value)}
					/>
				</div>
			</Show>
			<FormAlert message={error()} />
			<ul class="starter-grid journey-starters" aria-label="Journey starters">
				<For each={STARTERS}>
					{(starter) => (
						<li class="starter-card" classList={{ busy: creating() === starter.key }}>
							<button
								type="button"
								class="starter-pick"
								data-testid={`starter-${starter.key}`}
								disabled={Boolean(creating()) || (starter.needsTemplate && noTemplates())}
								onClick={() => create(starter)}
							>
								<strong>
									{starter.title}
									<Show when={creating() === starter.key}>
										{" "}
										<Spinner size="sm" />
									</Show>
								</strong>
								<span class="muted small">{starter.description}</span>
							</button>
						</li>
					)}
				</For>
			</ul>
			<Show when={noTemplates()}>
				<p class="muted small">
					<A href="/templates/new">Create a template</A>
				</p>
			</Show>
		</div>
	);
}
