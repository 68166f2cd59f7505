import { For } from "solid-js";
import type { BulkResource } from "../../lib/api";
import { Button } from "../Button";
import { BULK_MENU, type BulkActionDef } from "./bulk-logic";

/** The resource's actions as buttons (destructive ones in red), the one running shown busy, and Clear selection. */
export function BulkMenu(props: {
	resource: BulkResource;
	busy: string | undefined;
	onChoose: (def: BulkActionDef) => void;
	onClear: () => void;
}) {
	return (
		<div class="bulk-actions">
			<For each={BULK_MENU[props.resource]}>
				{(def) => (
					<Button
						size="sm"
						variant={def.danger ? "ghost" : "secondary"}
						class={def.danger ? "text-danger" : undefined}
						loading={props.busy === def.label}
						disabled={Boolean(props.busy)}
						onClick={() => props.onChoose(def)}
					>
						{def.label}
					</Button>
				)}
			</For>
			<Button size="sm" variant="ghost" onClick={() => props.onClear()}>
				Clear selection
			</Button>
		</div>
	);
}
