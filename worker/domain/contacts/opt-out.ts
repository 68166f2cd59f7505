/**
 * Consent that arrives from outside carries the time it was given: a confirmation link the time its form was
 * sent, a store's webhook the time the customer's marketing choice was set. It may subscribe someone only when
 * it is newer than their latest opt-out in Pulse (an unsubscribe, or an erasure), so an old link followed again,
 * a late retry or a replayed body never undoes a later "no". Without a time it is never newer than an opt-out.
 */
export function consentPredatesOptOut(consentAt: number | undefined, optedOutAt: number | null): boolean {
	if (optedOutAt === null) return false;
	return consentAt === undefined || !(consentAt > optedOutAt);
}
