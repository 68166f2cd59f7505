import { createSignal } from "solid-js";
import { ApiError, messageOf } from "./api";

/** An issue belongs to a field when its path is the field's or lies inside it (`tags.2` belongs to `tags`). */
const within = (issuePath: string, path: string) => issuePath === path || issuePath.startsWith(`${path}.`);

/**
 * Runs a form's action and keeps what the UI needs: `pending`, the API's error per field
 * (`field("email")`) and a form-level message for whatever no shown field explains.
 */
export function createSubmission<T>(action: () => Promise<T>, fields: readonly string[] = []) {
	const [pending, setPending] = createSignal(false);
	const [error, setError] = createSignal<unknown>();

	const field = (path: string): string | undefined => {
		const e = error();
		return e instanceof ApiError ? e.issues.find((issue) => within(issue.path, path))?.message : undefined;
	};

	const formError = (): string | undefined => {
		const e = error();
		if (!e) return undefined;
		if (!(e instanceof ApiError) || e.code !== "validation_failed") return messageOf(e);
		const unexplained = e.issues.filter((issue) => !fields.some((path) => within(issue.path, path)));
		if (e.issues.length > 0 && unexplained.length === 0) return undefined;
		return unexplained.map((issue) => `${issue.path}: ${issue.message}`).join("; ") || e.message;
	};

	const submit = async (event?: Event): Promise<T | undefined> => {
		event?.preventDefault();
		if (pending()) return undefined;
		setPending(true);
		setError(undefined);
		try {
			return await action();
		} catch (e) {
			setError(e);
			return undefined;
		} finally {
			setPending(false);
		}
	};

	return { pending, error, setError, field, formError, submit, reset: () => setError(undefined) };
}
