import { A, useNavigate } from "@solidjs/router";
import { createSignal, onCleanup, Show } from "solid-js";
import { Button } from "../../components/Button";
import { CloneButton } from "../../components/clone/CloneButton";
import { FormAlert } from "../../components/FormAlert";
import { LinkButton } from "../../components/LinkButton";
import { toast } from "../../components/Toasts";
import { ApiError, type Journey, messageOf, updateJourney } from "../../lib/api";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import { ActivateDialog } from "./ActivateDialog";
import type { Builder } from "./builder/context";
import { EntryPanel } from "./builder/EntryPanel";
import { JourneyCanvas } from "./builder/JourneyCanvas";
import { createWorkspaceLists } from "./builder/lists";
import { StepPanel } from "./builder/StepPanel";
import { JourneyStatusBadge } from "./JourneyStatusBadge";
import type { Definition } from "./model/graph";
import { canUndo, record, startHistory, undo } from "./model/history";
import { pinJourneyIssues } from "./model/issues";

const typing = (target: EventTarget | null) =>
	target instanceof HTMLElement &&
	(target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/** The journey builder: the flow, the selected step's panel, save, undo (Ctrl+Z) and activation. */
export function JourneyBuilder(props: { journey: Journey; onSaved: (journey: Journey) => void }) {
	const me = useMe();
	const navigate = useNavigate();
	const lists = createWorkspaceLists();
	const readOnly = () => !atLeast(me().role, "editor") || props.journey.status === "archived";
	const [history, setHistory] = createSignal(startHistory(props.journey.definition as Definition));
	const [saved, setSaved] = createSignal<Definition>(history().present);
	const [name, setName] = createSignal(props.journey.name);
	const [transactional, setTransactional] = createSignal(props.journey.transactional);
	const [issues, setIssues] = createSignal(pinJourneyIssues(props.journey.issues));
	const [selected, setSelected] = createSignal<string>();
	const [error, setError] = createSignal<string>();
	const [saving, setSaving] = createSignal(false);
	const [activating, setActivating] = createSignal(false);
	const running = () => props.journey.status !== "draft";
	const dirty = () =>
		history().present !== saved() || name() !== props.journey.name || transactional() !== props.journey.transactional;

	const builder: Builder = {
		definition: () => history().present,
		change: (next) => {
			if (readOnly()) return;
			setError(undefined);
			setHistory((h) => record(h, next));
		},
		selected,
		select: setSelected,
		issuesOf: (key) => issues().filter((i) => i.key === key),
		templates: lists.templates,
		segments: lists.segments,
		readOnly,
	};

	const takeBack = () => {
		setError(undefined);
		setHistory(undo);
	};
	const onKey = (event: KeyboardEvent) => {
		if (
			(event.ctrlKey || event.metaKey) &&
			!event.shiftKey &&
			event.key.toLowerCase() === "z" &&
			!typing(event.target)
		) {
			event.preventDefault();
			takeBack();
		}
	};
	window.addEventListener("keydown", onKey);
	onCleanup(() => window.removeEventListener("keydown", onKey));

	/** Saves the journey; the API's issues go on the steps. Answers the saved journey, or undefined when refused. */
	const save = async (): Promise<Journey | undefined> => {
		setSaving(true);
		setError(undefined);
		const definition = history().present;
		try {
			const journey = await updateJourney(props.journey.id, {
				name: name(),
				definition,
				transactional: transactional(),
			});
			setSaved(definition);
			setIssues(pinJourneyIssues(journey.issues));
			props.onSaved(journey);
			return journey;
		} catch (e) {
			if (e instanceof ApiError && e.issues.length > 0) setIssues(pinJourneyIssues(e.issues));
			setError(messageOf(e));
			return undefined;
		} finally {
			setSaving(false);
		}
	};

	const startActivation = async () => {
		const journey = dirty() ? await save() : props.journey;
		if (!journey) return;
		if (journey.issues.length > 0) {
			setError("Fix the steps marked in red before activating.");
			return;
		}
		setActivating(true);
	};

	// The selected step, while it still exists (an undo or a delete may have taken it away).
	const shown = () => {
		const id = selected();
		return id === "entry" || (id && history().present.nodes[id]) ? id : undefined;
	};
	const journeyIssues = () => issues().filter((i) => i.key === "journey" || i.key === "start");

	return (
		<>
			<nav class="breadcrumb" aria-label="Breadcrumb">
				<A href="/journeys">Journeys</A> <span aria-hidden="true">/</span> <span>{props.journey.name}</span>
			</nav>
			<header class="page-header">
				<div class="journey-title">
					<input
						class="input journey-name"
						aria-label="Journey name"
						value={name()}
						disabled={readOnly()}
						onChange={(e) => setName(e.currentTarget.value)}
					/>
					<JourneyStatusBadge status={props.journey.status} />
					<span class="muted small">version {props.journey.version}</span>
				</div>
				<div class="page-actions">
					<Button onClick={takeBack} disabled={!canUndo(history())} title="Undo (Ctrl+Z)">
						Undo
					</Button>
					<Show when={atLeast(me().role, "editor")}>
						<CloneButton kind="journey" id={props.journey.id} name={props.journey.name} />
					</Show>
					<Show when={running()}>
						<LinkButton href={`/journeys/${props.journey.id}`}>View live</LinkButton>
					</Show>
					<Show when={!readOnly()}>
						<Button
							variant={running() ? "primary" : "secondary"}
							loading={saving()}
							disabled={!dirty()}
							onClick={async () =>
								(await save()) && toast.success(running() ? "Saved as a new version" : "Draft saved")
							}
						>
							{running() ? "Save new version" : dirty() ? "Save draft" : "Saved"}
						</Button>
					</Show>
					<Show when={!readOnly() && props.journey.status === "draft"}>
						<Button variant="primary" onClick={startActivation} disabled={saving()}>
							Activate…
						</Button>
					</Show>
				</div>
			</header>
			<div class="stack">
				<FormAlert message={error()} />
				<Show when={journeyIssues().length > 0}>
					<FormAlert
						tone="warning"
						message={journeyIssues()
							.map((i) => i.message)
							.join(" ")}
					/>
				</Show>
				<JourneyCanvas
					builder={builder}
					panel={
						<Show
							when={shown()}
							fallback={
								<p class="muted">
									Select a step to edit it, or “+” to add one. The entry card sets who enters and what takes them out.
								</p>
							}
						>
							{(id) => (
								<Show when={id() === "entry"} fallback={<StepPanel id={id()} />}>
									<EntryPanel transactional={transactional()} onTransactional={setTransactional} />
								</Show>
							)}
						</Show>
					}
				/>
			</div>
			<ActivateDialog
				open={activating()}
				journey={props.journey}
				definition={history().present}
				onClose={() => setActivating(false)}
				onIssues={(list) => setIssues(pinJourneyIssues(list))}
				onActivated={(result) => {
					setActivating(false);
					toast.success(
						result.entering_now ? `Activated: ${result.entering_now} contacts entering now` : "Journey activated",
					);
					props.onSaved({ ...props.journey, status: result.status, version: result.version });
					navigate(`/journeys/${props.journey.id}`);
				}}
			/>
		</>
	);
}
