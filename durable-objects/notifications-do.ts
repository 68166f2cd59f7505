import { DurableObject } from "cloudflare:workers";
import type { NotificationLiveMessage } from "../worker/contracts/notifications";
import { closeCodeToEcho } from "./close-code";

/**
 * One per workspace (`getByName(workspaceId)`): the members' notification sockets, hibernating between
 * messages and tagged with the member id, so a push reaches exactly that member's open tabs.
 */
export class NotificationsDO extends DurableObject<Env> {
	constructor(ctx: DurableObjectState, env: Env) {
		super(ctx, env);
		// Keep-alive pings are answered by the runtime without waking the object.
		ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
	}

	/** Upgrades an (already authorized) socket for `?member=`; the first frame is the unread count. */
	override async fetch(request: Request): Promise<Response> {
		if (request.headers.get("upgrade")?.toLowerCase() !== "websocket")
			return new Response("Expected a WebSocket", { status: 426 });
		const url = new URL(request.url);
		const member = url.searchParams.get("member");
		if (!member) return new Response("member required", { status: 400 });
		const pair = new WebSocketPair();
		this.ctx.acceptWebSocket(pair[1], [member]);
		pair[1].send(JSON.stringify({ type: "hello", unread: Number(url.searchParams.get("unread") ?? 0) }));
		return new Response(null, { status: 101, webSocket: pair[0] });
	}

	/** Pushes one message to each member's open sockets; answers how many sockets got it. */
	async push(messages: { memberId: string; message: NotificationLiveMessage }[]): Promise<number> {
		let sent = 0;
		for (const { memberId, message } of messages) {
			const frame = JSON.stringify(message);
			for (const ws of this.ctx.getWebSockets(memberId)) {
				try {
					ws.send(frame);
					sent++;
				} catch {
					// a socket closing meanwhile: its tab reconnects and reads the list
				}
			}
		}
		return sent;
	}

	/** Tells a member's sockets the new unread count (after marking read in another tab). */
	async unread(memberId: string, unread: number): Promise<void> {
		const frame = JSON.stringify({ type: "unread", unread });
		for (const ws of this.ctx.getWebSockets(memberId)) {
			try {
				ws.send(frame);
			} catch {
				// closing
			}
		}
	}

	override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
		if (ws.readyState === WebSocket.CLOSED) return;
		try {
			ws.close(closeCodeToEcho(code), "closing");
		} catch {
			// already closed
		}
	}
}
