import { useLocation, useNavigate } from "@solidjs/router";
import { createEffect, createSignal, on, onCleanup, onMount } from "solid-js";
import { searchHref } from "../../pages/search/query";
import "./search.css";

/** The top bar's search: Enter opens the search page with the words; "/" focuses it from anywhere. */
export function GlobalSearch() {
	const navigate = useNavigate();
	const location = useLocation();
	const [text, setText] = createSignal("");
	let input: HTMLInputElement | undefined;
	// Leaving the search page empties the box (its own field takes over there).
	createEffect(
		on(
			() => location.pathname,
			(path) => path !== "/search" && setText(""),
			{ defer: true },
		),
	);

	onMount(() => {
		const onKey = (event: KeyboardEvent) => {
			const target = event.target as HTMLElement | null;
			if (event.key !== "/" || target?.closest("input, textarea, select, [contenteditable]")) return;
			event.preventDefault();
			input?.focus();
		};
		document.addEventListener("keydown", onKey);
		onCleanup(() => document.removeEventListener("keydown", onKey));
	});

	return (
		<search class="global-search">
			<form
				onSubmit={(event) => {
					event.preventDefault();
					const q = text().trim();
					if (q) navigate(searchHref({ q }));
				}}
			>
				<input
					ref={input}
					class="input"
					type="search"
					name="global-q"
					aria-label="Find anything"
					placeholder="Search everything ( / )"
					value={text()}
					onInput={(e) => setText(e.currentTarget.value)}
				/>
			</form>
		</search>
	);
}
