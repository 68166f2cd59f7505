import { createSignal, Show } from "solid-js";
import { cloneJourney, cloneSegment, cloneTemplate } from "../../lib/api";
import { Button } from "../Button";
import { CopyDialog } from "./CopyDialog";
import { copyName } from "./clone-logic";

const KINDS = {
	template: { clone: cloneTemplate, href: (id: string) => `/templates/${id}`, what: "template" },
	segment: { clone: cloneSegment, href: (id: string) => `/segments/${id}`, what: "segment" },
	journey: { clone: cloneJourney, href: (id: string) => `/journeys/${id}`, what: "journey (a new draft)" },
} as const;

/** "Clone…" on a template, segment or journey page: names the copy, makes it and opens it. */
export function CloneButton(props: { kind: keyof typeof KINDS; id: string; name: string }) {
	const [open, setOpen] = createSignal(false);
	const kind = () => KINDS[props.kind];
	return (
		<>
			<Button onClick={() => setOpen(true)}>Clone…</Button>
			<Show when={open()}>
				<CopyDialog
					open
					title={`Clone ${props.kind}`}
					description={`A copy of this ${kind().what}, under a new name.`}
					initialName={copyName(props.name)}
					submitLabel="Create copy"
					onClose={() => setOpen(false)}
					create={(name) => kind().clone(props.id, name)}
					href={kind().href}
				/>
			</Show>
		</>
	);
}
