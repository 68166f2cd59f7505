import { useNavigate } from "@solidjs/router";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { toast } from "../../../components/Toasts";
import { deleteTemplate } from "../../../lib/api";

/** Asks before deleting a template, then goes back to the list (letting the unsaved-changes guard through). */
export function DeleteTemplateDialog(props: {
	open: boolean;
	templateId: string;
	name: string;
	onClose: () => void;
	allowLeave: () => void;
}) {
	const navigate = useNavigate();
	return (
		<ConfirmDialog
			open={props.open}
			title="Delete this template?"
			confirmLabel="Delete template"
			onClose={props.onClose}
			onConfirm={async () => {
				await deleteTemplate(props.templateId);
				toast.success(`Deleted “${props.name}”`);
				props.allowLeave();
				navigate("/templates", { replace: true });
			}}
		>
			<p>
				<strong>{props.name}</strong> is deleted for good. Emails already sent with it are not affected.
			</p>
		</ConfirmDialog>
	);
}
