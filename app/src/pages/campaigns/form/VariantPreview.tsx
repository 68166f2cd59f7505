import { createResource, createSignal, Match, Show, Switch } from "solid-js";
import { Button } from "../../../components/Button";
import { EmailPreview } from "../../../components/EmailPreview";
import { FormAlert } from "../../../components/FormAlert";
import { LoadingState } from "../../../components/Spinner";
import { messageOf, previewVariant } from "../../../lib/api";
import type { VariantDraft } from "./ab-draft";

/**
 * A variant's email as it would be sent (sample data): its subject rendered with Liquid and its HTML in the sandboxed
 * preview frame; it follows the variant's fields while open.
 */
export function VariantPreview(props: { variant: VariantDraft; campaignTemplateId: string }) {
	const [open, setOpen] = createSignal(false);
	const templateId = () => props.variant.template_id || props.campaignTemplateId;
	const [rendered] = createResource(
		() =>
			open() && templateId()
				? { id: templateId(), subject: props.variant.subject, preheader: props.variant.preheader }
				: false,
		(key) => previewVariant(key.id, { subject: key.subject, preheader: key.preheader }),
	);
	return (
		<div class="stack">
			<div>
				<Button size="sm" variant="ghost" aria-expanded={open()} onClick={() => setOpen(!open())}>
					{open() ? `Hide the preview of variant ${props.variant.name}` : `Preview variant ${props.variant.name}`}
				</Button>
			</div>
			<Show when={open()}>
				<Switch>
					<Match when={!templateId()}>
						<p class="muted small">Choose a template to preview this variant.</p>
					</Match>
					<Match when={rendered.error}>
						<FormAlert tone="warning" message={`The preview failed: ${messageOf(rendered.error)}`} />
					</Match>
					<Match when={rendered.latest}>
						{(r) => (
							<div class="stack campaign-preview" data-testid="variant-preview">
								<div class="rendered-subject">
									<span class="muted small">
										Subject (for a sample contact)
										{props.variant.from_name ? `, from ${props.variant.from_name}` : ""}
									</span>
									<strong data-testid="variant-rendered-subject">{r().subject}</strong>
								</div>
								<EmailPreview
									html={r().html}
									text={r().text}
									headers={r().headers}
									stale={rendered.loading}
									height={420}
									views={["html", "text"]}
								/>
							</div>
						)}
					</Match>
					<Match when={rendered.loading}>
						<LoadingState label="Rendering the variant…" />
					</Match>
				</Switch>
			</Show>
		</div>
	);
}
