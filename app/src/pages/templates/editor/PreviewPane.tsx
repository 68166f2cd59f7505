import { Show } from "solid-js";
import { EmailPreview } from "../../../components/EmailPreview";
import { FormAlert } from "../../../components/FormAlert";
import { LoadingState, Spinner } from "../../../components/Spinner";
import { ContactPicker, type PreviewAs } from "../ContactPicker";
import type { LivePreview } from "./live-preview";

/** The right-hand pane: whom to preview as, the rendered subject and the email as it would be sent. */
export function PreviewPane(props: {
	preview: LivePreview;
	previewAs: PreviewAs;
	onPreviewAs: (as: PreviewAs) => void;
}) {
	return (
		<aside class="card template-preview" aria-label="Live preview">
			<div class="preview-head">
				<ContactPicker value={props.previewAs} onChange={props.onPreviewAs} />
				<span class="muted small preview-status" aria-live="polite">
					<Show when={props.preview.pending()}>
						<Spinner size="sm" /> Rendering…
					</Show>
				</span>
			</div>
			<div class="rendered-subject">
				<span class="muted small">Subject</span>
				<strong data-testid="rendered-subject" classList={{ stale: props.preview.stale() }}>
					{props.preview.rendered()?.subject ?? "…"}
				</strong>
			</div>
			<FormAlert tone="warning" message={props.preview.problem()} />
			<Show
				when={props.preview.rendered()}
				fallback={<Show when={!props.preview.problem()}>{<LoadingState label="Rendering…" />}</Show>}
			>
				{(r) => <EmailPreview html={r().html} text={r().text} headers={r().headers} stale={props.preview.stale()} />}
			</Show>
		</aside>
	);
}
