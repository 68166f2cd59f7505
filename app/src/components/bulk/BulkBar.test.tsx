import { cleanup, fireEvent, render, screen } from "@solidjs/testing-library";
import { createSignal } from "solid-js";
import { afterEach, describe, expect, it, vi } from "vitest";

const runBulk = vi.fn(async (body: { ids: string[]; params?: { tags?: string[] } }) =>
	body.ids.map((id) =>
		id === "c3"
			? { id, ok: false, error: { code: "conflict", message: "A sending campaign cannot be archived" } }
			: { id, ok: true },
	),
);
vi.mock("../../lib/api", () => ({ runBulk, messageOf: (e: unknown) => String(e) }));

const { BulkBar } = await import("./BulkBar");
const NAMES: Record<string, string> = { c1: "Spring", c2: "Summer", c3: "Autumn" };

function mount(resource: "campaigns" | "contacts", ids: string[]) {
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

	it("asks for the list's name before adding contacts to a list, and sends it as a tag", async () => {
		mount("contacts", ["c1"]);
		fireEvent.click(screen.getByRole("button", { name: "Add to list…" }));
		const field = screen.getByLabelText("List name (contacts get it as a tag)");
		fireEvent.input(field, { target: { value: " VIP 2027 " } });
		fireEvent.click(screen.getByRole("button", { name: "Apply to 1" }));
		await screen.findByText("1 added to the list");
		expect(runBulk).toHaveBeenCalledWith({
			resource: "contacts",
			action: "tag",
			ids: ["c1"],
			params: { tags: ["VIP 2027"] },
		});
	});
});
