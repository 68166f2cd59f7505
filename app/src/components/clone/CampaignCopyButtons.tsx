import { createSignal, Show } from "solid-js";
import { saveCampaignAsTemplate } from "../../lib/api";
import { Button } from "../Button";
import { CloneCampaignDialog } from "./CloneCampaignDialog";
import { CopyDialog } from "./CopyDialog";

/** A campaign page's "Clone…" and "Save as template…" (editors). */
export function CampaignCopyButtons(props: { id: string; name: string }) {
	const [open, setOpen] = createSignal<"clone" | "template">();
	return (
		<>
			<Button onClick={() => setOpen("clone")}>Clone…</Button>
			<Button variant="ghost" onClick={() => setOpen("template")}>
				Save as template…
			</Button>
			<Show when={open() === "clone"}>
				<CloneCampaignDialog open id={props.id} name={props.name} onClose={() => setOpen(undefined)} />
			</Show>
			<Show when={open() === "template"}>
				<CopyDialog
					open
					title="Save as template"
					description="The campaign's email becomes a new template of the library."
					initialName={props.name}
					submitLabel="Save template"
					withCategory
					onClose={() => setOpen(undefined)}
					create={(name, category) => saveCampaignAsTemplate(props.id, { name, category })}
					href={(id) => `/templates/${id}`}
				/>
			</Show>
		</>
	);
}
