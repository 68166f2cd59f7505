import { api, call } from "./client";
import { getTemplate, renderTemplate } from "./templates";

/** A campaign's A/B test: phase, each arm's numbers with interval and p-value, the winner once known. */
export const getAbResults = (id: string) => call(api.campaigns[":id"].ab.$get({ param: { id } }));
/** A person picks the winner now: the rest of the audience receives it. */
export const pickAbWinner = (id: string, variantId: string) =>
	call(api.campaigns[":id"].ab.winner.$post({ param: { id }, json: { variant_id: variantId } }));
/**
 * One variant as it would be sent, for sample data: its template (or the campaign's) with the variant's subject and
 * preheader in place of the template's ("" keeps the template's).
 */
export async function previewVariant(templateId: string, change: { subject: string; preheader: string }) {
	const template = await getTemplate(templateId);
	return renderTemplate({
		template: {
			subject: change.subject || template.subject,
			preheader: change.preheader || template.preheader,
			html: template.html,
			text: template.text,
		},
	});
}
