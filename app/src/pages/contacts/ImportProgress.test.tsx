import { cleanup, render, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ImportJob } from "../../lib/types";

const finished: ImportJob = {
	id: "imp_1",
	status: "completed",
	file_name: "list.csv",
	total_rows: 3,
	processed_rows: 3,
	created: 2,
	updated: 1,
	skipped: 0,
	suppressed: 0,
	error_count: 0,
	errors: [],
	failure: null,
	created_at: "2026-12-02T10:00:00.000Z",
	completed_at: "2026-12-02T10:00:01.000Z",
};

vi.mock("../../lib/api", () => ({
	getImport: vi.fn(async () => finished),
	messageOf: (e: unknown) => String(e),
}));

const { ImportProgress } = await import("./ImportProgress");

afterEach(cleanup);

describe("an import's progress card", () => {
	it("says the import finished, and refreshes the history, even when it finished before the first poll", async () => {
		const onFinished = vi.fn();
		render(() => <ImportProgress id="imp_1" startedHere onFinished={onFinished} />);
		await screen.findByTestId("import-done");
		expect(screen.getByTestId("import-done").textContent).toContain("2 new, 1 updated");
		await waitFor(() => expect(onFinished).toHaveBeenCalledTimes(1));
	});

	it("opened from the history, shows the result without announcing it again", async () => {
		const onFinished = vi.fn();
		render(() => <ImportProgress id="imp_1" onFinished={onFinished} />);
		await screen.findByTestId("import-done");
		expect(onFinished).not.toHaveBeenCalled();
	});
});
