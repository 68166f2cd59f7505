import { createSignal } from "solid-js";

const LIMIT = 100;
/** Edits of the same thing closer together than this are one step (typing a word is not twenty undos). */
const COALESCE_MS = 800;

/**
 * Undo and redo over snapshots of a document. `record(key)` is called before each change; successive changes
 * with the same key in quick succession share one step.
 */
export function createHistory<T>(read: () => T, write: (value: T) => void) {
	const [past, setPast] = createSignal<string[]>([]);
	const [future, setFuture] = createSignal<string[]>([]);
	let lastKey = "";
	let lastAt = 0;

	const record = (key: string) => {
		const now = Date.now();
		const coalesce = key === lastKey && now - lastAt < COALESCE_MS;
		lastKey = key;
		lastAt = now;
		if (coalesce) return;
		setPast((p) => [...p.slice(-(LIMIT - 1)), JSON.stringify(read())]);
		setFuture([]);
	};
	const step = (from: () => string[], setFrom: typeof setPast, setTo: typeof setPast) => {
		const snapshot = from().at(-1);
		if (snapshot === undefined) return;
		setTo((t) => [...t, JSON.stringify(read())]);
		setFrom((f) => f.slice(0, -1));
		lastKey = "";
		write(JSON.parse(snapshot) as T);
	};
	return {
		record,
		undo: () => step(past, setPast, setFuture),
		redo: () => step(future, setFuture, setPast),
		canUndo: () => past().length > 0,
		canRedo: () => future().length > 0,
	};
}
