import { describe, expect, it } from "vitest";
import { type BlockDocument, DEFAULT_THEME, locate, moveItem, type newBlock, withFreshIds } from "./doc";
import { createHistory } from "./history";
import { issueTarget } from "./ops";

const doc = (): BlockDocument => ({
	version: 1,
	theme: DEFAULT_THEME,
	blocks: [
		{ id: "h", type: "heading", text: "Hi", level: 1 },
		{
			id: "s",
			type: "section",
			columns: [
				{ id: "c1", blocks: [{ id: "t1", type: "text", text: "L" }] },
				{ id: "c2", blocks: [{ id: "b1", type: "button", label: "Go", href: "https://x.example" }] },
			],
		},
	],
});

describe("block document helpers", () => {
	it("moves an item within its list and ignores moves past either end", () => {
		const list = ["a", "b", "c"];
		moveItem(list, 2, 0);
		expect(list).toEqual(["c", "a", "b"]);
		moveItem(list, 0, -1);
		moveItem(list, 2, 3);
		expect(list).toEqual(["c", "a", "b"]);
	});

	it("finds a block at the top level or inside a column", () => {
		const d = doc();
		expect(locate(d, "h")?.index).toBe(0);
		const inColumn = locate(d, "b1");
		expect(inColumn?.list).toBe(d.blocks[1]?.type === "section" ? d.blocks[1].columns[1]?.blocks : null);
	});

	it("gives a copied section fresh ids all the way down", () => {
		const copy = withFreshIds(doc().blocks[1] as ReturnType<typeof newBlock>);
		const ids =
			copy.type === "section" ? [copy.id, ...copy.columns.flatMap((c) => [c.id, ...c.blocks.map((b) => b.id)])] : [];
		expect(ids.some((id) => ["s", "c1", "c2", "t1", "b1"].includes(id))).toBe(false);
	});

	it("maps an API issue path to the block and field it is about", () => {
		const d = doc();
		expect(issueTarget(d, "blocks.blocks.1.columns.1.blocks.0.href")).toEqual({ id: "b1", field: "href" });
		expect(issueTarget(d, "template.blocks.blocks.0.text")).toEqual({ id: "h", field: "text" });
		expect(issueTarget(d, "subject")).toBeUndefined();
	});
});

describe("undo history", () => {
	it("undoes and redoes steps, and groups quick edits of the same thing into one", () => {
		let value = { text: "a" };
		const history = createHistory(
			() => value,
			(v) => {
				value = v;
			},
		);
		const edit = (text: string, key: string) => {
			history.record(key);
			value = { text };
		};
		edit("ab", "t1");
		edit("abc", "t1");
		edit("x", "other");
		history.undo();
		expect(value.text).toBe("abc");
		history.undo();
		expect(value.text).toBe("a");
		expect(history.canUndo()).toBe(false);
		history.redo();
		history.redo();
		expect(value.text).toBe("x");
		expect(history.canRedo()).toBe(false);
	});
});
