import type { BlockDocument } from "../contracts/blocks";
import { BlockError, compileBlocks } from "../domain/blocks/compile";
import { blockLiquidIssues } from "../domain/blocks/liquid-check";
import { checkTemplate, TemplateError } from "../domain/templates/render";
import { ApiError } from "../errors";

export type Editor = "html" | "blocks";
export type SourceInput = { html?: string; blocks?: BlockDocument; editor?: Editor };
export type Source = { editor: Editor; html: string; blocks: BlockDocument | null };

/** Compiles a block document; a link that is not allowed is 422 naming the block's field. */
export function compileOrRefuse(blocks: BlockDocument): string {
	try {
		return compileBlocks(blocks);
	} catch (error) {
		if (!(error instanceof BlockError)) throw error;
		const issues = error.issues.map((i) => ({ ...i, path: `blocks.${i.path}` }));
		throw new ApiError("unprocessable", `The blocks do not compile: ${issues[0]?.message ?? ""}`, issues);
	}
}

const conflict = (path: string, message: string) => new ApiError("editor_conflict", message, [{ path, message }]);

/**
 * What a template's source becomes after a create or an edit. A template is edited one way: block templates
 * take `blocks` (their `html` is compiled, never written), HTML templates take `html`. Blocks → HTML is an
 * explicit `editor: "html"` that keeps the compiled HTML as the new source; HTML → blocks needs a document.
 */
export function nextSource(current: Source | null, input: SourceInput): Source {
	const editor =
		input.editor ?? (input.blocks ? "blocks" : input.html !== undefined ? "html" : (current?.editor ?? "html"));
	if (editor === "blocks") {
		if (input.html !== undefined)
			throw conflict(
				"html",
				'A block template\'s HTML is compiled from its blocks: send blocks, or editor "html" to switch',
			);
		const blocks = input.blocks ?? (current?.editor === "blocks" ? current.blocks : null);
		if (!blocks)
			throw conflict(
				"blocks",
				"This template is written in HTML: switching it to the block editor needs a block document (its HTML cannot be turned into blocks)",
			);
		return { editor, blocks, html: compileOrRefuse(blocks) };
	}
	if (input.blocks) throw conflict("blocks", 'Send blocks with editor "blocks" (or without editor)');
	if (current?.editor === "blocks" && input.editor !== "html" && input.html !== undefined)
		throw conflict("html", 'This template is edited with blocks: send editor "html" to switch it to HTML for good');
	const html = input.html ?? current?.html;
	if (html === undefined)
		throw new ApiError("validation_failed", "Write the email's HTML", [{ path: "html", message: "Required" }]);
	return { editor: "html", blocks: null, html };
}

/**
 * Checks a block template's compiled HTML parses as Liquid; if not, the error names the block field at
 * fault (`blocks.blocks.2.text`, or under `prefix`) rather than a line of generated HTML.
 */
export function checkBlockLiquid(html: string, blocks: BlockDocument, prefix = "blocks") {
	try {
		checkTemplate({ subject: "x", html });
	} catch (error) {
		if (!(error instanceof TemplateError)) throw error;
		const found = blockLiquidIssues(blocks).map((i) => ({ ...i, path: `${prefix}.${i.path}` }));
		if (found.length === 0) return;
		throw new ApiError("unprocessable", `A block does not render: ${found[0]?.message ?? ""}`, found);
	}
}
