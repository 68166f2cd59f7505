import { api, call } from "./client";

/** A campaign's A/B test: phase, each arm's numbers with interval and p-value, the winner once known. */
export const getAbResults = (id: string) => call(api.campaigns[":id"].ab.$get({ param: { id } }));
/** A person picks the winner now: the rest of the audience receives it. */
export const pickAbWinner = (id: string, variantId: string) =>
	call(api.campaigns[":id"].ab.winner.$post({ param: { id }, json: { variant_id: variantId } }));
