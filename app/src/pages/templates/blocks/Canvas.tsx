import { createSignal, For, type JSX, Show } from "solid-js";
import { BLOCK_LABELS, type Block, type BlockType, summary } from "./doc";

/** What the canvas can do to the document; the editor implements each on its store. */
export type CanvasOps = {
	selected: () => string | null;
	select: (id: string | null) => void;
	/** Moves a block by `delta` places within its list (keyboard and the arrow buttons). */
	move: (id: string, delta: number) => void;
	/** Drops block `id` where `targetId` is, in the same list. */
	drop: (id: string, targetId: string) => void;
	duplicate: (id: string) => void;
	remove: (id: string) => void;
	saveAsReusable: (id: string) => void;
	addToColumn: (sectionId: string, columnId: string, type: BlockType) => void;
	dropIntoColumn: (id: string, sectionId: string, columnId: string) => void;
	readOnly: boolean;
	inspector: (block: Block) => JSX.Element;
	hasIssue: (id: string) => boolean;
};

const COLUMN_TYPES: BlockType[] = ["text", "heading", "image", "button", "divider", "spacer", "social"];
const [dragging, setDragging] = createSignal<string | null>(null);

/** An ordered list of blocks (the email, or one column): drag to reorder, or use the move buttons. */
export function BlockList(props: { blocks: Block[]; ops: CanvasOps; label: string }) {
	return (
		<ol class="be-list" aria-label={props.label}>
			<For each={props.blocks}>
				{(block, index) => <BlockCard block={block} index={index()} count={props.blocks.length} ops={props.ops} />}
			</For>
		</ol>
	);
}

function BlockCard(props: { block: Block; index: number; count: number; ops: CanvasOps }) {
	const [over, setOver] = createSignal(false);
	const ops = props.ops;
	const selected = () => ops.selected() === props.block.id;
	const name = () => BLOCK_LABELS[props.block.type];
	return (
		<li
			class="be-card"
			classList={{ selected: selected(), "drop-target": over(), invalid: ops.hasIssue(props.block.id) }}
			data-block-id={props.block.id}
			data-block-type={props.block.type}
			draggable={!ops.readOnly}
			onDragStart={(e) => {
				e.stopPropagation();
				setDragging(props.block.id);
				e.dataTransfer?.setData("text/plain", props.block.id);
				if (e.dataTransfer) e.dataTransfer.effectAllowed = "move";
			}}
			onDragEnd={() => setDragging(null)}
			onDragOver={(e) => {
				const from = dragging();
				if (!from || from === props.block.id) return;
				e.preventDefault();
				e.stopPropagation();
				setOver(true);
			}}
			onDragLeave={() => setOver(false)}
			onDrop={(e) => {
				e.preventDefault();
				e.stopPropagation();
				setOver(false);
				const from = dragging() ?? e.dataTransfer?.getData("text/plain");
				if (from && from !== props.block.id) ops.drop(from, props.block.id);
				setDragging(null);
			}}
		>
			<div class="be-card-head">
				<span class="be-handle" aria-hidden="true" title="Drag to reorder">
					⠿
				</span>
				<button
					type="button"
					class="be-card-title"
					aria-expanded={selected()}
					onClick={() => ops.select(selected() ? null : props.block.id)}
				>
					<strong>{name()}</strong> <span class="muted small be-summary">{summary(props.block)}</span>
				</button>
				<Show when={!ops.readOnly}>
					<span class="be-card-actions">
						<IconButton
							label={`Move ${name()} up`}
							disabled={props.index === 0}
							onClick={() => ops.move(props.block.id, -1)}
						>
							↑
						</IconButton>
						<IconButton
							label={`Move ${name()} down`}
							disabled={props.index === props.count - 1}
							onClick={() => ops.move(props.block.id, 1)}
						>
							↓
						</IconButton>
						<IconButton label={`Duplicate ${name()}`} onClick={() => ops.duplicate(props.block.id)}>
							Copy
						</IconButton>
						<IconButton label={`Save ${name()} as a reusable block`} onClick={() => ops.saveAsReusable(props.block.id)}>
							☆
						</IconButton>
						<IconButton label={`Delete ${name()}`} onClick={() => ops.remove(props.block.id)}>
							✕
						</IconButton>
					</span>
				</Show>
			</div>
			<Show when={selected() && !ops.readOnly}>{ops.inspector(props.block)}</Show>
			<Show when={props.block.type === "section" ? props.block : undefined}>
				{(section) => (
					<div class="be-columns" style={{ "--be-cols": String(section().columns.length) }}>
						<For each={section().columns}>
							{(column, i) => (
								<section
									class="be-column"
									aria-label={`Column ${i() + 1} of ${section().columns.length}`}
									onDragOver={(e) => {
										if (!dragging()) return;
										e.preventDefault();
										e.stopPropagation();
									}}
									onDrop={(e) => {
										e.preventDefault();
										e.stopPropagation();
										const from = dragging();
										if (from) ops.dropIntoColumn(from, section().id, column.id);
										setDragging(null);
									}}
								>
									<BlockList blocks={column.blocks as Block[]} ops={ops} label={`Column ${i() + 1}`} />
									<Show when={!ops.readOnly}>
										<select
											class="input select be-add-to-column"
											aria-label={`Add a block to column ${i() + 1}`}
											onChange={(e) => {
												const type = e.currentTarget.value as BlockType;
												e.currentTarget.value = "";
												if (type) ops.addToColumn(section().id, column.id, type);
											}}
										>
											<option value="">+ Add to column…</option>
											<For each={COLUMN_TYPES}>{(t) => <option value={t}>{BLOCK_LABELS[t]}</option>}</For>
										</select>
									</Show>
								</section>
							)}
						</For>
					</div>
				)}
			</Show>
		</li>
	);
}

function IconButton(props: { label: string; onClick: () => void; disabled?: boolean; children: JSX.Element }) {
	return (
		<button
			type="button"
			class="btn btn-ghost btn-sm be-icon"
			aria-label={props.label}
			title={props.label}
			disabled={props.disabled}
			onClick={props.onClick}
		>
			<span aria-hidden="true">{props.children}</span>
		</button>
	);
}
