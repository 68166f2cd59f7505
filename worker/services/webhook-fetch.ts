import { servedLocally } from "../config";
import { webhookUrlProblem } from "../domain/journeys/webhook-url";
import { type Fetcher, resolvedHostProblem } from "../domain/webhooks/resolve-check";

/**
 * Pulse runs on this machine, so webhooks may call local services: APP_URL (the deployment's public URL, which
 * production sets) is empty or localhost. Deliveries have no request to read the origin from.
 */
export const deliversLocally = (env: Pick<Env, "APP_URL">): boolean =>
	!env.APP_URL || servedLocally(env as Env, env.APP_URL);

/**
 * Why Pulse must not POST to this URL now, or null: the URL's own rules (https, no private or internal literal
 * or name; `local` allows http to this machine), then, in production (APP_URL public), what its name resolves
 * to, so a public name pointed at a private address is refused at registration and again before every call.
 */
export async function webhookDestinationProblem(
	env: Pick<Env, "APP_URL">,
	url: string,
	fetcher: Fetcher,
	local: boolean,
): Promise<string | null> {
	const problem = webhookUrlProblem(url, { local });
	if (problem) return problem;
	return deliversLocally(env) ? null : resolvedHostProblem(fetcher, url);
}
