/** A named step of a batch run (the cron's upkeep jobs). */
export type Job = readonly [name: string, run: () => Promise<unknown>];

/**
 * Runs the jobs one after another, each to its end even when an earlier one threw: a failing job is handed to
 * `failed` (to be logged) and never keeps the later ones from running. Answers the names of those that failed.
 */
export async function runEach(jobs: readonly Job[], failed: (name: string, error: unknown) => void) {
	const failures: string[] = [];
	for (const [name, run] of jobs) {
		try {
			await run();
		} catch (error) {
			failures.push(name);
			failed(name, error);
		}
	}
	return failures;
}
