import { createRoot, createSignal } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const previewSegment = vi.fn();
vi.mock("../../../lib/api", () => ({ previewSegment, messageOf: (e: unknown) => String(e) }));
const { createLiveCount } = await import("./live-count");

beforeEach(() => {
	vi.useFakeTimers();
	previewSegment.mockReset();
	previewSegment.mockResolvedValue({ count: 3, sample: [] });
});
afterEach(() => vi.useRealTimers());

describe("the segment builder's live count", () => {
	it("asks nothing about a new segment's untouched empty rule, and counts once the person changes the rules", async () => {
		const empty = JSON.stringify({ all: [{ attribute: "", op: "eq", value: "" }] });
		const [text, setText] = createSignal(empty);
		const [touched, setTouched] = createSignal(false);
		const count = createRoot(() =>
			createLiveCount({
				definitionText: text,
				index: () => new Map(),
				pin: () => false,
				onAccepted: () => {},
				quiet: () => !touched(),
			}),
		);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(previewSegment).not.toHaveBeenCalled();
		expect(count.error()).toBeUndefined();

		setTouched(true);
		setText(JSON.stringify({ all: [{ attribute: "city", op: "eq", value: "Berlin" }] }));
		await vi.advanceTimersByTimeAsync(300);
		expect(previewSegment).toHaveBeenCalledTimes(1);
		expect(count.preview()?.count).toBe(3);
	});
});
