import { cleanup, fireEvent, render, screen } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "../lib/api";
import { createPagedList } from "../lib/paged";
import { PagedTable } from "./PagedTable";

type Row = { id: string; name: string };
type Page = { data: Row[]; next_cursor: string | null };

const columns = [{ header: "Name", cell: (row: Row) => row.name }];

function mount(fetchPage: (cursor?: string) => Promise<Page>) {
	render(() => {
		const list = createPagedList(fetchPage);
		void list.reload();
		return (
			<PagedTable label="People" columns={columns} list={list} rowKey={(row) => row.id} empty={<p>No people yet</p>} />
		);
	});
}

const names = () =>
	screen
		.queryAllByRole("row")
		.slice(1)
		.map((row) => row.textContent);

afterEach(cleanup);

describe("a paged table", () => {
	it("shows the first page, appends the next one on Load more, and hides the button after the last page", async () => {
		const pages: Record<string, Page> = {
			first: {
				data: [
					{ id: "1", name: "Ada" },
					{ id: "2", name: "Grace" },
				],
				next_cursor: "c2",
			},
			c2: { data: [{ id: "3", name: "Linus" }], next_cursor: null },
		};
		mount(async (cursor) => pages[cursor ?? "first"] as Page);
		await screen.findByRole("table", { name: "People" });
		expect(names()).toEqual(["Ada", "Grace"]);

		fireEvent.click(screen.getByRole("button", { name: "Load more" }));
		await expect.poll(names).toEqual(["Ada", "Grace", "Linus"]);
		expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
	});

	it("says what went wrong when a page cannot be loaded, keeping the rows already shown", async () => {
		let fail = false;
		mount(async () => {
			if (fail) throw new ApiError(503, "unavailable", "Pulse is busy, try again");
			return { data: [{ id: "1", name: "Ada" }], next_cursor: "c2" };
		});
		await screen.findByRole("table", { name: "People" });
		fail = true;
		fireEvent.click(screen.getByRole("button", { name: "Load more" }));
		expect((await screen.findByRole("alert")).textContent).toBe("Pulse is busy, try again");
		expect(names()).toEqual(["Ada"]);
	});

	it("shows the empty state when there is nothing to list", async () => {
		mount(async () => ({ data: [], next_cursor: null }));
		await screen.findByText("No people yet");
		expect(screen.queryByRole("table")).toBeNull();
	});
});
