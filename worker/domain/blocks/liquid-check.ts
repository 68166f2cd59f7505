import type { BlockDocument, ContentBlock } from "../../contracts/blocks";
import { htmlLiquid, parseField, TemplateError } from "../templates/liquid";
import type { BlockIssue } from "./compile";

/** The fields of a block that may hold Liquid, by name. */
function liquidFields(block: ContentBlock): [string, string | null | undefined][] {
	switch (block.type) {
		case "text":
		case "heading":
			return [["text", block.text]];
		case "footer":
			return [["text", block.text]];
		case "button":
			return [
				["label", block.label],
				["href", block.href],
			];
		case "image":
			return [
				["src", block.src],
				["alt", block.alt],
				["href", block.href],
			];
		case "social":
			return block.links.map((l, i) => [`links.${i}.url`, l.url]);
		default:
			return [];
	}
}

/**
 * When a block template's compiled HTML does not parse as Liquid, finds the block field at fault, so the
 * editor can point at the block instead of a line of HTML nobody wrote. A condition opened in one block and
 * closed in another is valid as a whole; this is only asked once the whole has failed.
 */
export function blockLiquidIssues(doc: BlockDocument): BlockIssue[] {
	const issues: BlockIssue[] = [];
	const check = (block: ContentBlock, path: string) => {
		for (const [field, value] of liquidFields(block)) {
			if (!value) continue;
			try {
				parseField(htmlLiquid, field, value);
			} catch (error) {
				if (!(error instanceof TemplateError)) throw error;
				issues.push({ path: `${path}.${field}`, message: error.issues[0]?.message ?? "Liquid does not parse" });
			}
		}
	};
	for (const [i, block] of doc.blocks.entries()) {
		if (block.type !== "section") {
			check(block, `blocks.${i}`);
			continue;
		}
		for (const [c, column] of block.columns.entries()) {
			for (const [j, leaf] of column.blocks.entries()) check(leaf, `blocks.${i}.columns.${c}.blocks.${j}`);
		}
	}
	return issues;
}
