import { createResource, For, Show } from "solid-js";
import { Button } from "../../../components/Button";
import { toast } from "../../../components/Toasts";
import { deleteSavedBlock, listSavedBlocks, messageOf } from "../../../lib/api";
import { BLOCK_LABELS, type Block, type BlockType } from "./doc";

const TYPES: BlockType[] = ["heading", "text", "image", "button", "section", "divider", "spacer", "social", "footer"];

export type SavedBlocks = ReturnType<typeof createSavedBlocks>;

/** The workspace's saved blocks, shared by the palette and "save as reusable block". */
export function createSavedBlocks() {
	const [list, { refetch }] = createResource(async () => (await listSavedBlocks()).data);
	return { list, refetch };
}

/** Adds a new block (after the selected one, else at the end) or a saved block of the workspace. */
export function Palette(props: {
	add: (type: BlockType) => void;
	insert: (block: Block) => void;
	saved: SavedBlocks;
	canEdit: boolean;
}) {
	const remove = async (id: string, name: string) => {
		try {
			await deleteSavedBlock(id);
			toast.success(`Deleted the saved block “${name}”`);
			props.saved.refetch();
		} catch (e) {
			toast.error(messageOf(e));
		}
	};
	return (
		<section class="card be-palette" aria-label="Add blocks">
			<h2 class="card-title">Add a block</h2>
			<fieldset class="be-palette-grid be-group-reset">
				<legend class="sr-only">Block types</legend>
				<For each={TYPES}>
					{(type) => (
						<Button size="sm" disabled={!props.canEdit} onClick={() => props.add(type)}>
							+ {BLOCK_LABELS[type]}
						</Button>
					)}
				</For>
			</fieldset>
			<h3 class="be-subtitle">Saved blocks</h3>
			<Show when={props.saved.list.error}>
				<p class="field-error">Could not load saved blocks: {messageOf(props.saved.list.error)}</p>
			</Show>
			<Show
				when={(props.saved.list.latest ?? []).length > 0}
				fallback={
					<p class="muted small">Save a block you use often with ☆ on its card; it appears here for every template.</p>
				}
			>
				<ul class="be-saved" aria-label="Saved blocks">
					<For each={props.saved.list.latest}>
						{(saved) => (
							<li>
								<Button
									size="sm"
									disabled={!props.canEdit}
									onClick={() => props.insert(saved.block as Block)}
									aria-label={`Insert saved block ${saved.name}`}
								>
									+ {saved.name}
								</Button>
								<span class="muted small">{BLOCK_LABELS[saved.block.type as BlockType]}</span>
								<Show when={props.canEdit}>
									<button
										type="button"
										class="link-button small text-danger"
										aria-label={`Delete saved block ${saved.name}`}
										onClick={() => remove(saved.id, saved.name)}
									>
										Delete
									</button>
								</Show>
							</li>
						)}
					</For>
				</ul>
			</Show>
		</section>
	);
}
