import { cleanup, render, screen } from "@solidjs/testing-library";
import { createSignal } from "solid-js";
import { afterEach, describe, expect, it } from "vitest";
import type { CampaignStats } from "../../../lib/types";
import { createCampaignNumbers, type LiveSource } from "./numbers";

const stats = (over: Partial<CampaignStats>): CampaignStats => ({
	status: "sending",
	audience: 120,
	queued: 120,
	sent: 0,
	delivered: 0,
	failed: 0,
	suppressed: 0,
	cancelled: 0,
	bounced: 0,
	complained: 0,
	unsubscribed: 0,
	opens: 0,
	unique_opens: 0,
	machine_opens: 0,
	clicks: 0,
	unique_clicks: 0,
	bot_clicks: 0,
	links: [],
	timeline: [],
	...over,
});

/** A stand-in for the campaign socket: the test pushes its snapshot and updates. */
function fakeSocket() {
	const [latest, push] = createSignal<CampaignStats>();
	const [connected, setConnected] = createSignal(false);
	const live: LiveSource = {
		stats: latest,
		connected,
		failures: () => 0,
		state: () => (connected() ? "live" : "connecting"),
	};
	return {
		live,
		/** The snapshot a (re)connected socket sends first. */
		connect(snapshot: CampaignStats) {
			push(snapshot);
			setConnected(true);
		},
		push: (next: CampaignStats) => push(next),
		drop: () => setConnected(false),
	};
}

/** The numbers as the page shows them. */
function Numbers(props: { numbers: ReturnType<typeof createCampaignNumbers> }) {
	return (
		<dl>
			<dt>status</dt>
			<dd data-testid="status">{props.numbers.status()}</dd>
			<dt>sent</dt>
			<dd data-testid="sent">{props.numbers.stats()?.sent ?? "—"}</dd>
			<dt>opens</dt>
			<dd data-testid="opens">{props.numbers.stats()?.opens ?? "—"}</dd>
		</dl>
	);
}

function mount(load: (id: string) => Promise<CampaignStats>) {
	const socket = fakeSocket();
	let numbers!: ReturnType<typeof createCampaignNumbers>;
	render(() => {
		numbers = createCampaignNumbers({ id: "cmp_1", live: socket.live, rowStatus: () => "draft", load });
		return <Numbers numbers={numbers} />;
	});
	const shown = (id: string) => screen.getByTestId(id).textContent;
	return { socket, numbers: () => numbers, shown };
}

afterEach(cleanup);

describe("a campaign's live numbers", () => {
	it("show the GET answer first, then the socket's snapshot and every stats message after it", async () => {
		const page = mount(async () => stats({ sent: 3 }));
		await expect.poll(() => page.shown("sent")).toBe("3");
		expect(page.shown("status")).toBe("sending");

		page.socket.connect(stats({ sent: 10 }));
		expect(page.shown("sent")).toBe("10");
		page.socket.push(stats({ sent: 60, opens: 4 }));
		page.socket.push(stats({ sent: 120, opens: 9, queued: 0, status: "completed" }));
		expect(page.shown("sent")).toBe("120");
		expect(page.shown("opens")).toBe("9");
		expect(page.shown("status")).toBe("completed");
	});

	it("never let a slow GET answer overwrite newer numbers from the socket", async () => {
		let answer!: (s: CampaignStats) => void;
		const page = mount(() => new Promise((resolve) => (answer = resolve)));
		page.socket.connect(stats({ sent: 50 }));
		answer(stats({ sent: 1 }));
		await Promise.resolve();
		expect(page.shown("sent")).toBe("50");
	});

	it("after a command, show its answer at once and fetch nothing while the socket is live", async () => {
		let loads = 0;
		const page = mount(async () => {
			loads++;
			return stats({ sent: 5 });
		});
		await expect.poll(() => page.shown("sent")).toBe("5");
		page.socket.connect(stats({ sent: 5 }));
		expect(page.numbers().afterCommand("paused")).toBe(true);
		expect(page.shown("status")).toBe("paused");
		expect(loads).toBe(1);

		// Without the socket, the page reloads the numbers itself.
		page.socket.drop();
		expect(page.numbers().afterCommand("sending")).toBe(false);
		await expect.poll(() => loads).toBe(2);
	});
});
