/*
 * The builder's edit history: every change pushes the previous definition, Undo (Ctrl+Z or the button) takes the
 * latest back. Kept pure so it is tested without a DOM; the builder holds one in a signal.
 */

export type History<T> = { past: T[]; present: T };

/** At most this many steps back. */
export const HISTORY_LIMIT = 100;

export const startHistory = <T>(present: T): History<T> => ({ past: [], present });

/** The history after a change; a change to the same value records nothing. */
export function record<T>(history: History<T>, next: T): History<T> {
	if (next === history.present) return history;
	return { past: [...history.past, history.present].slice(-HISTORY_LIMIT), present: next };
}

/** The history one change back (unchanged when there is nothing to undo). */
export function undo<T>(history: History<T>): History<T> {
	const previous = history.past[history.past.length - 1];
	return previous === undefined ? history : { past: history.past.slice(0, -1), present: previous };
}

export const canUndo = <T>(history: History<T>) => history.past.length > 0;
