import { A, useNavigate, useParams, useSearchParams } from "@solidjs/router";
import { createEffect, createResource, createSignal, For, on, Show } from "solid-js";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { FormAlert } from "../../components/FormAlert";
import { LinkButton } from "../../components/LinkButton";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import {
	createConversation,
	deleteConversation,
	getAssistantStatus,
	getConversation,
	listConversations,
	messageOf,
} from "../../lib/api";
import { Chat, chatErrorMessage, type PulseMessage } from "../../lib/chat";
import { formatRelative } from "../../lib/format";
import { createPagedList } from "../../lib/paged";
import { useMe } from "../../lib/session";
import { Composer, STARTERS } from "./Composer";
import { MessageList } from "./MessageList";
import { SetupCard } from "./SetupCard";

/** The assistant: your conversations on the left, the open one on the right. `?prompt=` pre-fills the message. */
export default function AssistantPage() {
	const params = useParams<{ id?: string }>();
	const [search] = useSearchParams<{ prompt?: string }>();
	const navigate = useNavigate();
	const me = useMe();
	const [status] = createResource(() => getAssistantStatus());
	const conversations = createPagedList((cursor) => listConversations(cursor));
	const [chat, setChat] = createSignal<Chat>();
	const [loading, setLoading] = createSignal(false);
	const [error, setError] = createSignal<string>();
	const [deleting, setDeleting] = createSignal(false);

	createEffect(
		on(
			() => me().workspace.id,
			() => conversations.reload(),
		),
	);

	const open = (id: string, messages: PulseMessage[] = []) =>
		new Chat({ id, messages, onFinish: () => conversations.reload() });

	// Opening a conversation loads its history, unless it is the one just started here (and maybe streaming).
	createEffect(
		on(
			() => params.id,
			async (id) => {
				setError(undefined);
				if (!id) {
					setChat(undefined);
					return;
				}
				if (chat()?.id === id) return;
				setLoading(true);
				try {
					const saved = await getConversation(id);
					setChat(open(id, saved.messages as PulseMessage[]));
				} catch (e) {
					setChat(undefined);
					setError(messageOf(e));
				} finally {
					setLoading(false);
				}
			},
		),
	);

	const send = async (text: string) => {
		setError(undefined);
		let current = chat();
		if (!current) {
			try {
				const created = await createConversation();
				current = open(created.id);
				setChat(current);
				navigate(`/assistant/${created.id}`);
			} catch (e) {
				setError(messageOf(e));
				return;
			}
		}
		await current.sendMessage({ text });
	};

	const busy = () => chat()?.status === "submitted" || chat()?.status === "streaming";
	const configured = () => status()?.configured === true;
	const messages = () => chat()?.messages ?? [];

	return (
		<>
			<PageHeader
				title="Assistant"
				description="Ask in plain words. It builds segments, drafts emails and campaigns, and explains results; you review and confirm everything it prepares."
				actions={<LinkButton href="/assistant">New conversation</LinkButton>}
			/>
			<div class="assistant-layout">
				<nav class="card conversation-list" aria-label="Conversations">
					<h2 class="card-title">Conversations</h2>
					<ul>
						<For each={conversations.items()} fallback={<li class="muted small">None yet.</li>}>
							{(c) => (
								<li>
									<A href={`/assistant/${c.id}`} class="conversation-link" activeClass="active" end>
										<span class="conversation-title">{c.title}</span>
										<span class="muted small">{formatRelative(c.updated_at)}</span>
									</A>
								</li>
							)}
						</For>
					</ul>
				</nav>
				<section class="card chat-panel" aria-label="Conversation">
					<Show when={chat()}>
						<div class="chat-toolbar">
							<Button variant="ghost" size="sm" onClick={() => setDeleting(true)}>
								Delete conversation
							</Button>
						</div>
					</Show>
					<FormAlert message={error() ?? chatErrorMessage(chat()?.error)} />
					<Show when={!loading()} fallback={<LoadingState label="Loading the conversation" />}>
						<Show
							when={messages().length > 0}
							fallback={
								<div class="chat-empty">
									<p class="muted">Try one of these, or write your own:</p>
									<For each={STARTERS}>
										{(starter) => (
											<Button size="sm" disabled={!configured()} onClick={() => void send(starter)}>
												{starter}
											</Button>
										)}
									</For>
								</div>
							}
						>
							<MessageList messages={messages()} busy={busy()} />
						</Show>
					</Show>
					<Show when={status()}>
						{(s) => (
							<Show when={s().configured} fallback={<SetupCard help={s().setup_help} />}>
								<Composer initial={search.prompt} busy={busy()} onSend={send} onStop={() => void chat()?.stop()} />
								<p class="muted small chat-note">
									Answered by {s().model}. The assistant never sends, schedules or deletes anything.
								</p>
							</Show>
						)}
					</Show>
				</section>
			</div>
			<ConfirmDialog
				open={deleting()}
				title="Delete this conversation?"
				confirmLabel="Delete conversation"
				onClose={() => setDeleting(false)}
				onConfirm={async () => {
					const current = chat();
					if (!current) return;
					await deleteConversation(current.id);
					setChat(undefined);
					conversations.reload();
					navigate("/assistant");
				}}
			>
				The messages are deleted. Segments, templates and drafts it created stay.
			</ConfirmDialog>
		</>
	);
}
