import { A, useParams } from "@solidjs/router";
import { createResource, For, Match, Show, Switch } from "solid-js";
import { Button } from "../../components/Button";
import { EmailPreview } from "../../components/EmailPreview";
import { EmptyState } from "../../components/EmptyState";
import { LinkButton } from "../../components/LinkButton";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { ApiError, getOutboxMessage, messageOf } from "../../lib/api";
import { formatDate } from "../../lib/format";

/** `/outbox/:id`: one captured message, its envelope and headers, the HTML as sent and the text version. */
export default function OutboxMessagePage() {
	const params = useParams<{ id: string }>();
	const [message, { refetch }] = createResource(
		() => params.id,
		(id) => getOutboxMessage(id),
	);
	const notFound = () => message.error instanceof ApiError && message.error.status === 404;

	return (
		<Switch fallback={<LoadingState label="Loading message…" />}>
			<Match when={notFound()}>
				<section class="card">
					<EmptyState
						icon="outbox"
						title="Message not found"
						action={<LinkButton href="/outbox">Back to the Outbox</LinkButton>}
					>
						It belongs to another workspace, or it was never captured.
					</EmptyState>
				</section>
			</Match>
			<Match when={message.error}>
				<section class="card">
					<EmptyState title="Could not load this message" action={<Button onClick={refetch}>Try again</Button>}>
						{messageOf(message.error)}
					</EmptyState>
				</section>
			</Match>
			<Match when={message.latest}>
				{(m) => (
					<>
						<nav class="breadcrumb" aria-label="Breadcrumb">
							<A href="/outbox">Outbox</A> <span aria-hidden="true">/</span> <span>{m().subject}</span>
						</nav>
						<PageHeader title={m().subject || "(no subject)"} description={`Captured ${formatDate(m().created_at)}`} />
						<div class="message-layout">
							<section class="card" aria-label="Envelope">
								<h2 class="card-title">Envelope</h2>
								<dl class="props" data-testid="message-envelope">
									<dt>From</dt>
									<dd>{m().from}</dd>
									<dt>To</dt>
									<dd>{m().to}</dd>
									<dt>Reply-To</dt>
									<dd>{m().reply_to ?? <span class="muted">—</span>}</dd>
									<dt>Subject</dt>
									<dd>{m().subject}</dd>
									<dt>Message ID</dt>
									<dd class="mono small">{m().message_id ?? <span class="muted">—</span>}</dd>
									<dt>Campaign</dt>
									<dd>
										<Show when={m().campaign_id} fallback={<span class="muted">Test send</span>}>
											{(id) => (
												<A href={`/outbox?campaign_id=${encodeURIComponent(id())}`} class="mono small">
													{id()}
												</A>
											)}
										</Show>
									</dd>
								</dl>
								<h2 class="card-title section-gap">Headers</h2>
								<dl class="props header-list" data-testid="message-headers">
									<For each={Object.entries(m().headers)}>
										{([name, value]) => (
											<>
												<dt class="mono">{name}</dt>
												<dd class="mono">{value}</dd>
											</>
										)}
									</For>
								</dl>
							</section>
							<section class="card" aria-label="Message">
								<EmailPreview
									// Never the sent bytes: their pixel and links would count this look as an open or a click.
									html={m().preview_html ?? ""}
									text={m().text}
									headers={m().headers}
									height={720}
									views={["html", "text"]}
								/>
							</section>
						</div>
					</>
				)}
			</Match>
		</Switch>
	);
}
