import { MemoryRouter, Route } from "@solidjs/router";
import { cleanup, fireEvent, render, screen } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../lib/api/client";

const list = {
	id: "lst_1",
	name: "Webinar",
	description: "March",
	count: 3,
	created_at: "2026-12-01T10:00:00.000Z",
	updated_at: "2026-12-01T10:00:00.000Z",
};
const updateList = vi.fn();
vi.mock("../../lib/api", async () => ({
	updateList,
	ApiError,
	messageOf: (e: unknown) => (e instanceof Error ? e.message : String(e)),
}));

const { ListNameCell } = await import("./ListNameCell");

afterEach(() => {
	cleanup();
	updateList.mockReset();
});

function mount(canEdit = true) {
	const onSaved = vi.fn();
	render(() => (
		<MemoryRouter>
			<Route path="/" component={() => <ListNameCell list={list} canEdit={canEdit} onSaved={onSaved} />} />
		</MemoryRouter>
	));
	return onSaved;
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe("renaming a list in place", () => {
	it("saves the new name and description and hands the saved list back", async () => {
		const onSaved = mount();
		const saved = { ...list, name: "Webinar April", description: "" };
		updateList.mockResolvedValue(saved);
		fireEvent.click(await screen.findByRole("button", { name: "Rename Webinar" }));
		fireEvent.input(field("Name"), { target: { value: "Webinar April" } });
		fireEvent.input(field("Description"), { target: { value: "" } });
		fireEvent.click(screen.getByRole("button", { name: "Save" }));
		await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
		expect(updateList).toHaveBeenCalledWith("lst_1", { name: "Webinar April", description: "" });
		expect(screen.queryByRole("form")).toBeNull();
	});

	it("shows a taken name on the Name field and keeps the form open; Escape leaves it unchanged", async () => {
		const onSaved = mount();
		updateList.mockRejectedValue(
			new ApiError(409, "conflict", "This workspace already has a list of that name", [
				{ path: "name", message: "Another list already has this name" },
			]),
		);
		fireEvent.click(await screen.findByRole("button", { name: "Rename Webinar" }));
		fireEvent.input(field("Name"), { target: { value: "Newsletter" } });
		fireEvent.click(screen.getByRole("button", { name: "Save" }));
		await screen.findByText("Another list already has this name");
		expect(field("Name").getAttribute("aria-invalid")).toBe("true");
		expect(field("Name").value).toBe("Newsletter");
		expect(onSaved).not.toHaveBeenCalled();
		fireEvent.keyDown(field("Name"), { key: "Escape" });
		expect(screen.getByRole("link", { name: "Webinar" }).getAttribute("href")).toBe("/contacts?list=lst_1");
	});

	it("offers no Rename to a viewer", async () => {
		mount(false);
		await screen.findByRole("link", { name: "Webinar" });
		expect(screen.queryByRole("button", { name: /Rename/ })).toBeNull();
	});
});
