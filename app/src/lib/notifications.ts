import ReconnectingWebSocket from "partysocket/ws";
import { createSignal, onCleanup } from "solid-js";
import type { NotificationSocketFrame } from "../../../worker/contracts/notifications";
import { listNotifications, markNotificationsRead, type NotificationItem, notificationsLiveUrl } from "./api";
import { PING_MS, SOCKET_OPTIONS } from "./live";

const [latest, setLatest] = createSignal<NotificationItem>();
/** The newest notification pushed to this tab (pages showing what it links to may reload). */
export const latestNotification = latest;

/** Reads one frame of the bell's socket; anything else ("pong") is `undefined`. */
export function parseNotificationFrame(data: unknown): NotificationSocketFrame | undefined {
	if (typeof data !== "string" || !data.startsWith("{")) return undefined;
	try {
		const frame = JSON.parse(data) as NotificationSocketFrame;
		return typeof frame.unread === "number" ? frame : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The signed-in member's notifications: the unread count and newest items, kept live over the
 * notifications socket (partysocket reconnects by itself; every connection starts with the count).
 * Call once inside the shell; closed when the owner is disposed.
 */
export function createNotificationInbox() {
	const [unread, setUnread] = createSignal(0);
	const [items, setItems] = createSignal<NotificationItem[]>([]);
	const [loaded, setLoaded] = createSignal(false);

	const refresh = async () => {
		const list = await listNotifications();
		setItems(list.data);
		setUnread(list.unread);
		setLoaded(true);
	};
	const markRead = async (ids?: string[]) => {
		const result = await markNotificationsRead(ids);
		const at = new Date().toISOString();
		setItems((prev) => prev.map((n) => (!ids || ids.includes(n.id) ? { ...n, read_at: n.read_at ?? at } : n)));
		setUnread(result.unread);
	};

	const socket = new ReconnectingWebSocket(notificationsLiveUrl, undefined, SOCKET_OPTIONS);
	socket.addEventListener("message", (event) => {
		const frame = parseNotificationFrame(event.data);
		if (!frame) return;
		setUnread(frame.unread);
		if (frame.type === "notification") {
			setItems((prev) => [frame.notification, ...prev].slice(0, 50));
			setLatest(frame.notification);
		}
		// A reconnect may have missed items: read the list again.
		if (frame.type === "hello" && loaded()) void refresh().catch(() => undefined);
	});
	const ping = setInterval(() => {
		if (socket.readyState === ReconnectingWebSocket.OPEN) socket.send("ping");
	}, PING_MS);
	onCleanup(() => {
		clearInterval(ping);
		socket.close();
	});
	void refresh().catch(() => undefined);
	return { unread, items, loaded, refresh, markRead };
}

export type NotificationInbox = ReturnType<typeof createNotificationInbox>;
