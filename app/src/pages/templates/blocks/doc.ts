import type {
	Block,
	BlockDocument,
	BlockStyle,
	BlockType,
	ContentBlock,
	SectionBlock,
	Theme,
} from "../../../../../worker/contracts/blocks";

export type { Block, BlockDocument, BlockStyle, BlockType, ContentBlock, SectionBlock, Theme };

/** The fonts a theme or block may use (the API maps each to a web-safe stack). */
export const FONT_OPTIONS = [
	{ value: "arial", label: "Arial" },
	{ value: "helvetica", label: "Helvetica" },
	{ value: "verdana", label: "Verdana" },
	{ value: "trebuchet", label: "Trebuchet MS" },
	{ value: "georgia", label: "Georgia" },
	{ value: "times", label: "Times New Roman" },
	{ value: "courier", label: "Courier New" },
] as const;

export const SOCIAL_OPTIONS = ["website", "facebook", "instagram", "x", "linkedin", "youtube", "tiktok"] as const;

export const BLOCK_LABELS: Record<BlockType, string> = {
	section: "Columns",
	heading: "Heading",
	text: "Text",
	image: "Image",
	button: "Button",
	divider: "Divider",
	spacer: "Spacer",
	social: "Social links",
	footer: "Footer",
};

export const DEFAULT_THEME: Theme = {
	brand_color: "#6d5dfc",
	text_color: "#1c1c28",
	link_color: "#6d5dfc",
	background: "#f4f4f7",
	content_background: "#ffffff",
	font: "arial",
	font_size: 16,
	width: 600,
	logo_url: null,
	logo_width: null,
};

export const newId = (type: string) => `${type}-${Math.random().toString(36).slice(2, 10)}`;

/** A new block of a type, with content that shows what it is for. */
export function newBlock(type: BlockType): Block {
	const id = newId(type);
	switch (type) {
		case "section":
			return {
				id,
				type,
				columns: [
					{ id: newId("col"), blocks: [{ id: newId("text"), type: "text", text: "Left column" }] },
					{ id: newId("col"), blocks: [{ id: newId("text"), type: "text", text: "Right column" }] },
				],
			};
		case "heading":
			return { id, type, text: "A clear headline", level: 2 };
		case "text":
			return { id, type, text: 'Hi {{ contact.first_name | default: "there" }}, write your message here.' };
		case "image":
			return { id, type, src: "https://placehold.co/600x240/png", alt: "", href: null, width: null };
		case "button":
			return { id, type, label: "Call to action", href: "https://example.com" };
		case "divider":
			return { id, type };
		case "spacer":
			return { id, type, height: 24 };
		case "social":
			return { id, type, links: [{ network: "website", url: "https://example.com" }] };
		case "footer":
			return { id, type };
	}
}

/** A copy with fresh ids (inserting a saved block twice must not repeat ids). */
export function withFreshIds<T extends Block>(block: T): T {
	const copy = structuredClone(block) as Block;
	copy.id = newId(copy.type);
	if (copy.type === "section") {
		for (const column of copy.columns) {
			column.id = newId("col");
			for (const child of column.blocks) child.id = newId(child.type);
		}
	}
	return copy as T;
}

/** The list that holds a block, and where: the top level or a column of a section. */
export function locate(doc: BlockDocument, id: string): { list: Block[]; index: number } | undefined {
	const top = doc.blocks.findIndex((b) => b.id === id);
	if (top >= 0) return { list: doc.blocks, index: top };
	for (const block of doc.blocks) {
		if (block.type !== "section") continue;
		for (const column of block.columns) {
			const index = column.blocks.findIndex((b) => b.id === id);
			if (index >= 0) return { list: column.blocks as Block[], index };
		}
	}
	return undefined;
}

export function findBlock(doc: BlockDocument, id: string | null): Block | undefined {
	if (!id) return undefined;
	const at = locate(doc, id);
	return at ? at.list[at.index] : undefined;
}

/** Moves an item of a list from one index to another (in place). */
export function moveItem<T>(list: T[], from: number, to: number): void {
	if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return;
	const [item] = list.splice(from, 1);
	if (item !== undefined) list.splice(to, 0, item);
}

/** A one-line description of a block for the canvas. */
export function summary(block: Block): string {
	switch (block.type) {
		case "section":
			return `${block.columns.length} columns`;
		case "heading":
		case "text":
			return block.text.replace(/\s+/g, " ").slice(0, 90) || "(empty)";
		case "image":
			return block.alt || block.src;
		case "button":
			return `${block.label} → ${block.href}`;
		case "spacer":
			return `${block.height} px`;
		case "social":
			return block.links.map((l) => l.network).join(", ") || "(no links)";
		case "footer":
			return "Address, unsubscribe and preferences links";
		case "divider":
			return "Horizontal line";
	}
}
