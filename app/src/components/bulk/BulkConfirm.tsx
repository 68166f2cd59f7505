import { ConfirmDialog } from "../ConfirmDialog";
import type { BulkActionDef } from "./bulk-logic";

/** Asks before a destructive action ("Erase 3 contacts?"), saying that items it may not touch are reported. */
export function BulkConfirm(props: {
	def: BulkActionDef | undefined;
	countText: string;
	noun: string;
	onClose: () => void;
	onConfirm: (def: BulkActionDef) => Promise<void>;
}) {
	return (
		<ConfirmDialog
			open={Boolean(props.def?.danger)}
			title={`${props.def?.label ?? ""} ${props.countText} ${props.noun}?`}
			confirmLabel={props.def?.label ?? "Confirm"}
			onClose={() => props.onClose()}
			onConfirm={async () => {
				const def = props.def;
				if (def) await props.onConfirm(def);
			}}
		>
			<p>
				Each selected item is {props.def?.done} if its own rules allow it; the others are listed with the reason.
				{props.def?.action === "erase" ? " Erased contacts lose their personal data for good." : ""}
			</p>
		</ConfirmDialog>
	);
}
