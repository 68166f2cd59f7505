import { A } from "@solidjs/router";
import { createSignal, For, onCleanup, onMount, Show } from "solid-js";
import { Button } from "../../components/Button";
import { formatRelative } from "../../lib/format";
import { createNotificationInbox } from "../../lib/notifications";

/** The bell: the unread count, live over the notifications socket, and the member's newest notifications. */
export function Bell() {
	const inbox = createNotificationInbox();
	const [open, setOpen] = createSignal(false);
	let root: HTMLDivElement | undefined;
	const close = (e: MouseEvent) => {
		if (root && !root.contains(e.target as Node)) setOpen(false);
	};
	onMount(() => document.addEventListener("click", close));
	onCleanup(() => document.removeEventListener("click", close));
	const label = () => (inbox.unread() ? `Notifications, ${inbox.unread()} unread` : "Notifications");

	return (
		<div ref={root} style={{ position: "relative" }}>
			<button
				type="button"
				class="btn btn-ghost btn-md"
				aria-label={label()}
				aria-expanded={open()}
				aria-haspopup="true"
				data-testid="bell"
				onClick={() => setOpen((v) => !v)}
			>
				<svg
					viewBox="0 0 24 24"
					width="18"
					height="18"
					fill="none"
					stroke="currentColor"
					stroke-width="1.75"
					aria-hidden="true"
				>
					<path d="M6 8a6 6 0 1112 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 003.4 0" />
				</svg>
				<Show when={inbox.unread() > 0}>
					<span class="badge badge-danger" data-testid="bell-unread" style={{ "margin-left": "4px" }}>
						{inbox.unread() > 99 ? "99+" : inbox.unread()}
					</span>
				</Show>
			</button>
			<Show when={open()}>
				<section class="notifications-panel" aria-label="Notifications" data-testid="notifications-panel">
					<div class="row" style={{ "justify-content": "space-between", "align-items": "center", padding: "4px 6px" }}>
						<strong>Notifications</strong>
						<Button size="sm" variant="ghost" disabled={!inbox.unread()} onClick={() => void inbox.markRead()}>
							Mark all read
						</Button>
					</div>
					<Show when={inbox.loaded() && inbox.items().length === 0}>
						<p class="muted small" style={{ padding: "8px 6px" }}>
							Nothing yet. Review requests, mentions and finished sends show up here.
						</p>
					</Show>
					<For each={inbox.items()}>
						{(n) => (
							<A
								href={n.link ?? "#"}
								class="stack"
								data-testid="notification"
								style={{
									display: "block",
									padding: "8px 6px",
									"border-radius": "8px",
									"text-decoration": "none",
									color: "inherit",
									background: n.read_at ? "transparent" : "var(--accent-soft, #eef)",
									"margin-top": "4px",
								}}
								onClick={() => {
									if (!n.read_at) void inbox.markRead([n.id]);
									setOpen(false);
								}}
							>
								<strong style={{ display: "block" }}>{n.title}</strong>
								<span class="small">{n.body}</span>
								<span class="small muted" style={{ display: "block" }}>
									{formatRelative(n.created_at)}
								</span>
							</A>
						)}
					</For>
				</section>
			</Show>
		</div>
	);
}
