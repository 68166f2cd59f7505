import { createSignal, For } from "solid-js";
import { Portal } from "solid-js/web";

type Toast = { id: number; tone: "success" | "danger" | "info"; message: string };

const [toasts, setToasts] = createSignal<Toast[]>([]);
let nextId = 1;

function push(tone: Toast["tone"], message: string, ms = 4500) {
	const id = nextId++;
	setToasts((all) => [...all, { id, tone, message }]);
	setTimeout(() => dismiss(id), ms);
}

function dismiss(id: number) {
	setToasts((all) => all.filter((t) => t.id !== id));
}

/** Show a short confirmation or failure from anywhere: `toast.success("Saved")`. */
export const toast = {
	success: (message: string) => push("success", message),
	error: (message: string) => push("danger", message, 7000),
	info: (message: string) => push("info", message),
};

/** Renders the toasts once, at the root of the app, in a polite live region. */
export function Toaster() {
	return (
		<Portal>
			<div class="toaster" aria-live="polite" aria-relevant="additions">
				<For each={toasts()}>
					{(t) => (
						<div class={`toast toast-${t.tone}`} role={t.tone === "danger" ? "alert" : "status"}>
							<span>{t.message}</span>
							<button type="button" class="toast-close" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
								×
							</button>
						</div>
					)}
				</For>
			</div>
		</Portal>
	);
}
