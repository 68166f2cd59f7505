import { cleanup, fireEvent, render, screen, within } from "@solidjs/testing-library";
import { createSignal } from "solid-js";
import { afterEach, describe, expect, it, vi } from "vitest";

const runBulk = vi.fn(async (body: { ids?: string[]; filter?: object; params?: { tags?: string[] } }) =>
	(body.ids ?? ["c1", "c2", "c4"]).map((id) =>
		id === "c3"
			? { id, ok: false, error: { code: "conflict", message: "A sending campaign cannot be archived" } }
			: { id, ok: true },
	),
);
const listMatching = vi.fn(async () => ({
	items: [
		{ id: "c1", name: "Spring" },
		{ id: "c2", name: "Summer" },
		{ id: "c4", name: "Winter" },
	],
	more: false,
}));
const listLists = vi.fn(async () => [{ id: "lst_1", name: "Webinar", count: 12 }]);
vi.mock("../../lib/api", () => ({
	runBulk,
	listMatching,
	listLists,
	BULK_MAX: 500,
	messageOf: (e: unknown) => String(e),
}));

const { BulkBar } = await import("./BulkBar");
const NAMES: Record<string, string> = { c1: "Spring", c2: "Summer", c3: "Autumn" };

function mount(
	resource: "campaigns" | "contacts",
	ids: string[],
	matching?: { pageIds: string[]; hasMore: boolean; filter?: { list_id: string } },
) {
	const onDone = vi.fn();
	let selection: () => Set<string> = () => new Set();
	render(() => {
		const [selected, setSelected] = createSignal(new Set(ids));
		selection = selected;
		return (
			<BulkBar
				resource={resource}
				noun={resource}
				selected={selected()}
				setSelected={setSelected}
				nameOf={(id) => NAMES[id] ?? id}
				onDone={onDone}
				matching={matching && { filter: { status: "draft" }, ...matching }}
			/>
		);
	});
	return { onDone, selection: () => selection() };
}

afterEach(() => {
	cleanup();
	runBulk.mockClear();
});

describe("the bulk action bar", () => {
	it("archives the selection and lists each item's result by name; the refused one stays selected", async () => {
		const { onDone, selection } = mount("campaigns", ["c1", "c2", "c3"]);
		expect(screen.getByText("3 campaigns selected")).toBeTruthy();
		fireEvent.click(screen.getByRole("button", { name: "Archive" }));
		await screen.findByText("2 archived, 1 failed");
		expect(runBulk).toHaveBeenCalledWith({ resource: "campaigns", action: "archive", ids: ["c1", "c2", "c3"] });
		const rows = screen.getAllByTestId("bulk-result").map((li) => [li.dataset.ok, li.textContent]);
		expect(rows).toEqual([
			["true", "✓ Spring archived"],
			["true", "✓ Summer archived"],
			["false", "✕ Autumn A sending campaign cannot be archived"],
		]);
		expect([...selection()]).toEqual(["c3"]);
		expect(onDone).toHaveBeenCalledTimes(1);
	});

	it("selects every row matching the filters beyond the page, and sends the filters instead of ids", async () => {
		mount("campaigns", ["c1", "c2"], { pageIds: ["c1", "c2"], hasMore: true });
		expect(screen.getByText("All 2 campaigns on this page are selected.")).toBeTruthy();
		fireEvent.click(await screen.findByRole("button", { name: "Select all 3 campaigns matching" }));
		expect(listMatching).toHaveBeenCalledWith("campaigns", { status: "draft" });
		expect(screen.getByText("3 campaigns selected")).toBeTruthy();
		fireEvent.click(screen.getByRole("button", { name: "Archive" }));
		await screen.findByText("3 archived");
		expect(runBulk).toHaveBeenCalledWith({ resource: "campaigns", action: "archive", filter: { status: "draft" } });
		// Rows beyond the loaded page are named too.
		expect(screen.getAllByTestId("bulk-result").map((li) => li.textContent)).toContain("✓ Winter archived");
	});

	it("says when more rows match than one action takes", async () => {
		listMatching.mockResolvedValueOnce({ items: [{ id: "c1", name: "Spring" }], more: true });
		mount("campaigns", ["c1"], { pageIds: ["c1"], hasMore: true });
		fireEvent.click(await screen.findByRole("button", { name: "Select all campaigns matching (more than 500)" }));
		expect(screen.getByText("More than 1 campaigns selected")).toBeTruthy();
		expect(screen.getByTestId("bulk-all-matching").textContent).toMatch(/narrow the filters/);
		fireEvent.click(screen.getByRole("button", { name: "Select only this page" }));
		expect(screen.getByText("1 campaign selected")).toBeTruthy();
	});

	it("offers nothing more while the page is not wholly selected, or when the list has no more rows", () => {
		mount("campaigns", ["c1"], { pageIds: ["c1", "c2"], hasMore: true });
		expect(screen.queryByTestId("bulk-select-all")).toBeNull();
		cleanup();
		mount("campaigns", ["c1", "c2"], { pageIds: ["c1", "c2"], hasMore: false });
		expect(screen.queryByTestId("bulk-select-all")).toBeNull();
	});

	it("adds contacts to a list picked from the workspace's lists, or to a new one by name", async () => {
		mount("contacts", ["c1"]);
		fireEvent.click(screen.getByRole("button", { name: "Add to list…" }));
		fireEvent.input(screen.getByLabelText("New list name"), { target: { value: " VIP 2027 " } });
		fireEvent.click(screen.getByRole("button", { name: "Apply to 1" }));
		await screen.findByText("1 added to the list");
		expect(runBulk).toHaveBeenLastCalledWith({
			resource: "contacts",
			action: "add_to_list",
			ids: ["c1"],
			params: { list_name: "VIP 2027" },
		});

		cleanup();
		mount("contacts", ["c1"]);
		fireEvent.click(screen.getByRole("button", { name: "Add to list…" }));
		await screen.findByRole("option", { name: "Webinar (12)" });
		fireEvent.change(screen.getByLabelText("List"), { target: { value: "lst_1" } });
		expect(screen.queryByLabelText("New list name")).toBeNull();
		fireEvent.click(screen.getByRole("button", { name: "Apply to 1" }));
		await screen.findByText("1 added to the list");
		expect(runBulk).toHaveBeenLastCalledWith({
			resource: "contacts",
			action: "add_to_list",
			ids: ["c1"],
			params: { list_id: "lst_1" },
		});
	});

	it("takes contacts off the list the page is filtered by, and offers no new list for that", async () => {
		mount("contacts", ["c1", "c2"], { pageIds: ["c1", "c2", "c3"], hasMore: false, filter: { list_id: "lst_1" } });
		fireEvent.click(screen.getByRole("button", { name: "Remove from list…" }));
		await screen.findByRole("option", { name: "Webinar (12)" });
		expect(screen.getByLabelText("List")).toHaveProperty("value", "lst_1");
		expect(screen.queryByRole("option", { name: "New list…" })).toBeNull();
		fireEvent.click(screen.getByRole("button", { name: "Apply to 2" }));
		await screen.findByText("2 removed from the list");
		expect(runBulk).toHaveBeenLastCalledWith({
			resource: "contacts",
			action: "remove_from_list",
			ids: ["c1", "c2"],
			params: { list_id: "lst_1" },
		});
	});

	it("asks for tags before tagging (naming none is refused), and confirms an erase before running it", async () => {
		mount("contacts", ["c1", "c2"]);
		fireEvent.click(screen.getByRole("button", { name: "Tag…" }));
		fireEvent.click(screen.getByRole("button", { name: "Apply to 2" }));
		await screen.findByText("Name at least one tag");
		expect(runBulk).not.toHaveBeenCalled();
		fireEvent.input(screen.getByLabelText("Tags, separated by commas"), { target: { value: "spring, vip ,," } });
		fireEvent.click(screen.getByRole("button", { name: "Apply to 2" }));
		await screen.findByText("2 tagged");
		expect(runBulk).toHaveBeenLastCalledWith({
			resource: "contacts",
			action: "tag",
			ids: ["c1", "c2"],
			params: { tags: ["spring", "vip"] },
		});

		cleanup();
		mount("contacts", ["c1"]);
		fireEvent.click(screen.getByRole("button", { name: "Erase" }));
		const dialog = await screen.findByRole("dialog");
		expect(dialog.textContent).toMatch(/lose their personal data for good/);
		expect(runBulk).toHaveBeenCalledTimes(1);
		fireEvent.click(within(dialog).getByRole("button", { name: "Erase" }));
		await screen.findByText("1 erased");
		expect(runBulk).toHaveBeenLastCalledWith({ resource: "contacts", action: "erase", ids: ["c1"] });
	});
});
