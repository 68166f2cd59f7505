import { createSignal } from "solid-js";
import { produce, reconcile, type SetStoreFunction, unwrap } from "solid-js/store";
import {
	type Block,
	type BlockDocument,
	type BlockType,
	findBlock,
	locate,
	moveItem,
	newBlock,
	withFreshIds,
} from "./doc";
import { createHistory } from "./history";

/** Every change the editor makes to its block document, each one store update. */
export function createBlockOps(doc: BlockDocument, setDoc: SetStoreFunction<BlockDocument>) {
	const [selected, setSelected] = createSignal<string | null>(null);
	const history = createHistory(
		() => unwrap(doc),
		(snapshot) => setDoc(reconcile(snapshot)),
	);
	/** Every change goes through here, so each one can be undone (`key` groups quick edits of one thing). */
	const change = (fn: (doc: BlockDocument) => void, key = "") => {
		history.record(key || `${Math.random()}`);
		setDoc(produce(fn));
	};

	/** Inserts after the selected top-level block (or the section holding it), else at the end. */
	const insertTop = (block: Block) => {
		change((doc) => {
			const sel = selected();
			let at = doc.blocks.length;
			if (sel) {
				const top = doc.blocks.findIndex(
					(b) => b.id === sel || (b.type === "section" && b.columns.some((c) => c.blocks.some((x) => x.id === sel))),
				);
				if (top >= 0) at = top + 1;
			}
			doc.blocks.splice(at, 0, block);
		});
		setSelected(block.id);
	};

	return {
		history,
		selected,
		select: setSelected,
		add: (type: BlockType) => insertTop(newBlock(type)),
		insert: (block: Block) => insertTop(withFreshIds(block)),
		update: (id: string, fn: (block: Block) => void) =>
			change((doc) => {
				const block = findBlock(doc, id);
				if (block) fn(block);
			}, `update:${id}`),
		move: (id: string, delta: number) =>
			change((doc) => {
				const at = locate(doc, id);
				if (at) moveItem(at.list, at.index, at.index + delta);
			}),
		/** Drops block `id` where `targetId` is: reorders within a list, or moves a content block across lists. */
		drop: (id: string, targetId: string) =>
			change((doc) => {
				const from = locate(doc, id);
				const to = locate(doc, targetId);
				if (!from || !to) return;
				if (from.list === to.list) return moveItem(from.list, from.index, to.index);
				const block = from.list[from.index];
				// Content blocks move between the top level and columns; sections never go inside a column.
				if (block && block.type !== "section") moveAcross(doc, block, from, targetId);
			}),
		/** Drops block `id` at the end of a column (how a block reaches an empty column). */
		dropIntoColumn: (id: string, sectionId: string, columnId: string) =>
			change((doc) => {
				const from = locate(doc, id);
				const block = from?.list[from.index];
				const section = doc.blocks.find((b) => b.id === sectionId);
				const column = section?.type === "section" ? section.columns.find((c) => c.id === columnId) : undefined;
				if (!from || !block || block.type === "section" || !column) return;
				from.list.splice(from.index, 1);
				column.blocks.push(block as never);
			}),
		duplicate: (id: string) =>
			change((doc) => {
				const at = locate(doc, id);
				const block = at?.list[at.index];
				if (at && block) at.list.splice(at.index + 1, 0, withFreshIds(JSON.parse(JSON.stringify(block)) as Block));
			}),
		remove: (id: string) => {
			change((doc) => {
				const at = locate(doc, id);
				if (at) at.list.splice(at.index, 1);
			});
			if (selected() === id) setSelected(null);
		},
		addToColumn: (sectionId: string, columnId: string, type: BlockType) => {
			const block = newBlock(type);
			change((doc) => {
				const section = doc.blocks.find((b) => b.id === sectionId);
				const column = section?.type === "section" ? section.columns.find((c) => c.id === columnId) : undefined;
				column?.blocks.push(block as never);
			});
			setSelected(block.id);
		},
		theme: (patch: Partial<BlockDocument["theme"]>) =>
			change((doc) => Object.assign(doc.theme, patch), `theme:${Object.keys(patch).join()}`),
	};
}

export type BlockOps = ReturnType<typeof createBlockOps>;

/** Takes a content block out of its list and puts it where `targetId` is (in a column or at the top level). */
function moveAcross(doc: BlockDocument, block: Block, from: { list: Block[]; index: number }, targetId: string) {
	from.list.splice(from.index, 1);
	const to = locate(doc, targetId);
	if (to) to.list.splice(to.index, 0, block);
	else from.list.splice(from.index, 0, block);
}

/**
 * The block and field an API issue is about: `blocks.blocks.2.columns.0.blocks.1.href` (a save) or
 * `template.blocks.blocks.2.text` (a live render) → that block's id and `href` / `text`.
 */
export function issueTarget(doc: BlockDocument, path: string): { id: string; field: string } | undefined {
	const m = /^(?:template\.)?blocks\.blocks\.(\d+)(?:\.columns\.(\d+)\.blocks\.(\d+))?(?:\.(.+))?$/.exec(path);
	if (!m) return undefined;
	const top = doc.blocks[Number(m[1])];
	const block = top?.type === "section" && m[2] !== undefined ? top.columns[Number(m[2])]?.blocks[Number(m[3])] : top;
	return block ? { id: block.id, field: m[4] ?? "" } : undefined;
}
