import type { CampaignStats } from "../../contracts/campaigns";

/** Rates as fractions (0.23 = 23%), or null when there is nothing to divide by yet. */
export type CampaignRates = {
	delivery: number | null;
	open: number | null;
	click: number | null;
	click_to_open: number | null;
	bounce: number | null;
	complaint: number | null;
	unsubscribe: number | null;
};

export type CampaignInsights = {
	rates: CampaignRates;
	findings: string[];
	suggestions: string[];
};

// Rough benchmarks for marketing email; the thresholds below are where a marketer should act.
const LOW_OPEN = 0.15;
const LOW_CLICK_TO_OPEN = 0.08;
const HIGH_BOUNCE = 0.02;
const HIGH_COMPLAINT = 0.001;
const HIGH_UNSUBSCRIBE = 0.005;
const SMALL_SAMPLE = 100;

const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const percent = (value: number) => `${(value * 100).toFixed(value < 0.01 ? 2 : 1)}%`;

export function campaignRates(stats: CampaignStats): CampaignRates {
	const reached = Math.max(stats.sent - stats.bounced, 0);
	return {
		delivery: ratio(reached, stats.sent),
		open: ratio(stats.unique_opens, reached),
		click: ratio(stats.unique_clicks, reached),
		click_to_open: ratio(stats.unique_clicks, stats.unique_opens),
		bounce: ratio(stats.bounced, stats.sent),
		complaint: ratio(stats.complained, stats.sent),
		unsubscribe: ratio(stats.unsubscribed, reached),
	};
}

/**
 * Explains a campaign's numbers in plain words and proposes what to try next. Machine opens
 * (Apple Mail Privacy Protection) and scanner clicks are never counted as engagement.
 */
export function campaignInsights(stats: CampaignStats): CampaignInsights {
	const rates = campaignRates(stats);
	const findings: string[] = [];
	const suggestions: string[] = [];

	if (stats.status === "draft" || stats.status === "scheduled") {
		findings.push(`The campaign is ${stats.status}; nothing has been sent yet.`);
		return { rates, findings, suggestions };
	}
	if (stats.status === "sending" || stats.queued > 0)
		findings.push(`Still sending: ${stats.queued} of ${stats.audience} recipients are queued, so numbers will grow.`);
	findings.push(
		`${stats.sent} sent, ${stats.suppressed} left out as suppressed, ${stats.failed} failed, of ${stats.audience} in the audience.`,
	);
	if (rates.open !== null)
		findings.push(
			`${percent(rates.open)} opened (${stats.unique_opens} people), ${percent(rates.click ?? 0)} clicked.`,
		);
	if (stats.machine_opens > 0)
		findings.push(`${stats.machine_opens} opens came from mail privacy proxies and are not counted as engagement.`);
	const topLink = stats.links[0];
	if (topLink) findings.push(`The most clicked link was ${topLink.url} (${topLink.unique_clicks} people).`);

	if (stats.sent < SMALL_SAMPLE) {
		suggestions.push(`Only ${stats.sent} were sent: wait for a larger audience before drawing conclusions.`);
	}
	if (rates.open !== null && rates.open < LOW_OPEN)
		suggestions.push(
			"Opens are low: A/B test two subject lines, check the sender name, and try a send time when your audience reads mail.",
		);
	if (rates.click_to_open !== null && stats.unique_opens > 0 && rates.click_to_open < LOW_CLICK_TO_OPEN)
		suggestions.push("Readers open but rarely click: make one clear call to action near the top.");
	if (rates.bounce !== null && rates.bounce > HIGH_BOUNCE)
		suggestions.push(
			`Bounces are high (${percent(rates.bounce)}): clean the list; hard bounces are already suppressed.`,
		);
	if (rates.complaint !== null && rates.complaint > HIGH_COMPLAINT)
		suggestions.push(
			`Spam complaints are above 0.1% (${percent(rates.complaint)}): send only to people who opted in, and make unsubscribing obvious.`,
		);
	if (rates.unsubscribe !== null && rates.unsubscribe > HIGH_UNSUBSCRIBE)
		suggestions.push(
			`Unsubscribes are high (${percent(rates.unsubscribe)}): segment more narrowly, for example to recent openers.`,
		);
	if (stats.unique_opens > 0)
		suggestions.push("Send a follow-up to the people who opened but did not click, with a segment on engagement.");
	return { rates, findings, suggestions };
}
