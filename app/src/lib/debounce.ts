import { type Accessor, createEffect, createSignal, on, onCleanup } from "solid-js";

/** The value of `source`, settled: it follows `source` once it has not changed for `ms` milliseconds. */
export function createDebounced<T>(source: Accessor<T>, ms = 300): Accessor<T> {
	const [settled, setSettled] = createSignal<T>(source());
	createEffect(
		on(
			source,
			(value) => {
				const timer = setTimeout(() => setSettled(() => value), ms);
				onCleanup(() => clearTimeout(timer));
			},
			{ defer: true },
		),
	);
	return settled;
}
