// Statistics over what the fake Resend server received.

/**
 * Largest number of timestamps (ms) falling within any window of `windowMs` ([t, t + windowMs)).
 * @param {number[]} timestamps
 * @param {number} [windowMs]
 */
export function maxInAnyWindow(timestamps, windowMs = 1000) {
	const sorted = [...timestamps].sort((a, b) => a - b);
	let best = 0;
	let start = 0;
	for (let end = 0; end < sorted.length; end++) {
		while (/** @type {number} */ (sorted[end]) - /** @type {number} */ (sorted[start]) >= windowMs) start++;
		best = Math.max(best, end - start + 1);
	}
	return best;
}

/**
 * @param {{ at: number; accepted: boolean; replayed: boolean }[]} requests
 * @param {{ to: string[] }[]} emails
 */
export function computeStats(requests, emails) {
	const accepted = requests.filter((r) => r.accepted).map((r) => r.at);
	const recipients = new Set();
	for (const email of emails) for (const to of email.to) recipients.add(to.trim().toLowerCase());
	return {
		total_requests: requests.length,
		accepted_requests: accepted.length,
		replayed_requests: requests.filter((r) => r.replayed).length,
		rejected_requests: requests.filter((r) => !r.accepted).length,
		accepted_emails: emails.length,
		distinct_recipients: recipients.size,
		max_requests_in_any_second: maxInAnyWindow(accepted),
		first_at: accepted.length ? accepted.reduce((a, b) => Math.min(a, b)) : null,
		last_at: accepted.length ? accepted.reduce((a, b) => Math.max(a, b)) : null,
	};
}
