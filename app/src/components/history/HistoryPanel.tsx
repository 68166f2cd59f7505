import { A } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { listAuditLog, listMembers } from "../../lib/api";
import { formatRelative } from "../../lib/format";
import { createPolling } from "../../lib/poll";
import { atLeast } from "../../lib/roles";
import { useMe } from "../../lib/session";
import { actionWords, actorLabel, memberName, metadataText } from "../../pages/audit/audit-filters";
import "./history.css";

const SHOWN = 10;

/** An object's own history from the audit log (admins read the audit log): the latest entries and a link to all. */
export function HistoryPanel(props: { type: "campaign" | "journey" | "template" | "segment"; id: string }) {
	const me = useMe();
	const admin = () => atLeast(me().role, "admin");
	const [entries, { refetch }] = createResource(
		() => (admin() ? { type: props.type, id: props.id } : false),
		({ type, id }) => listAuditLog({ target_type: type, target_id: id }, { limit: SHOWN }),
	);
	// Decisions, edits and commands made meanwhile (here or by others) show up within 20 s.
	createPolling(admin, async () => refetch(), 20_000);
	const [members] = createResource(() => (admin() ? me().workspace.id : false), listMembers);
	const nameOf = (id: string) => memberName(members()?.data, id);
	return (
		<Show when={admin()}>
			<section class="card" aria-labelledby={`history-${props.id}`} data-testid="history-panel">
				<div class="card-head">
					<h2 id={`history-${props.id}`} class="card-title">
						History
					</h2>
					<A href={`/audit?type=${props.type}&object=${encodeURIComponent(props.id)}`} class="small">
						Full history
					</A>
				</div>
				<Show
					when={(entries()?.data.length ?? 0) > 0}
					fallback={<p class="muted small">{entries.loading ? "Loading…" : "Nothing recorded yet."}</p>}
				>
					<ol class="history-list">
						<For each={entries()?.data}>
							{(e) => (
								<li data-testid="history-entry">
									<span title={e.created_at} class="muted small">
										{formatRelative(e.created_at)}
									</span>{" "}
									<strong>{actorLabel(e, nameOf)}</strong> {actionWords(e.action)}
									<Show when={metadataText(e.metadata)}>{(text) => <span class="muted small"> ({text()})</span>}</Show>
								</li>
							)}
						</For>
					</ol>
				</Show>
			</section>
		</Show>
	);
}
