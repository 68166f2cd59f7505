import { createResource, createSignal, For, Show } from "solid-js";
import { Button } from "../../components/Button";
import { TextField } from "../../components/TextField";
import { toast } from "../../components/Toasts";
import { addComment, type Comment, listComments, messageOf, type ReviewTarget } from "../../lib/api";
import { formatRelative } from "../../lib/format";

/** A threaded note list; @name or @email mentions notify those members. */
export function CommentsCard(props: { target: ReviewTarget; id: string; canEdit: boolean }) {
	const [comments, { refetch }] = createResource(
		() => [props.target, props.id] as const,
		([t, id]) => listComments(t, id),
	);
	const roots = () => (comments()?.data ?? []).filter((c) => !c.parent_id);
	const replies = (id: string) => (comments()?.data ?? []).filter((c) => c.parent_id === id);
	return (
		<section class="card stack" aria-labelledby="comments-title" data-testid="comments-card">
			<h2 id="comments-title" class="card-title">
				Comments
			</h2>
			<Show when={comments() && roots().length === 0}>
				<p class="muted small">No comments yet. Mention a teammate with @name or @email to notify them.</p>
			</Show>
			<For each={roots()}>
				{(c) => (
					<div class="stack" style={{ gap: "6px" }}>
						<CommentLine comment={c} />
						<div class="stack" style={{ "padding-left": "20px", gap: "6px" }}>
							<For each={replies(c.id)}>{(r) => <CommentLine comment={r} />}</For>
							<Show when={props.canEdit}>
								<Composer label="Reply" target={props.target} id={props.id} parentId={c.id} onDone={refetch} />
							</Show>
						</div>
					</div>
				)}
			</For>
			<Show when={props.canEdit}>
				<Composer label="Add a comment" target={props.target} id={props.id} onDone={refetch} />
			</Show>
		</section>
	);
}

function CommentLine(props: { comment: Comment }) {
	return (
		<div data-testid="comment">
			<p class="small" style={{ margin: 0 }}>
				<strong>{props.comment.author}</strong> <span class="muted">{formatRelative(props.comment.created_at)}</span>
			</p>
			<p style={{ margin: "2px 0 0", "white-space": "pre-wrap" }}>{props.comment.body}</p>
		</div>
	);
}

function Composer(props: { label: string; target: ReviewTarget; id: string; parentId?: string; onDone: () => void }) {
	const [body, setBody] = createSignal("");
	const [saving, setSaving] = createSignal(false);
	const [open, setOpen] = createSignal(!props.parentId);
	const submit = async (e: Event) => {
		e.preventDefault();
		if (!body().trim()) return;
		setSaving(true);
		try {
			await addComment(props.target, props.id, body(), props.parentId);
			setBody("");
			props.onDone();
		} catch (error) {
			toast.error(messageOf(error));
		} finally {
			setSaving(false);
		}
	};
	return (
		<Show
			when={open()}
			fallback={
				<div>
					<Button variant="ghost" size="sm" onClick={() => setOpen(true)}>
						Reply
					</Button>
				</div>
			}
		>
			<form class="stack" style={{ gap: "6px" }} onSubmit={submit}>
				<TextField
					multiline
					name="body"
					label={props.label}
					value={body()}
					rows={2}
					onInput={(e) => setBody(e.currentTarget.value)}
				/>
				<div>
					<Button type="submit" size="sm" loading={saving()} disabled={!body().trim()}>
						{props.parentId ? "Reply" : "Comment"}
					</Button>
				</div>
			</form>
		</Show>
	);
}
