import { cleanup, render, screen } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { Campaign } from "../../../lib/types";
import { PauseBanner } from "./PauseBanner";

const campaign = (over: Partial<Campaign>): Campaign => ({
	id: "cmp_1",
	name: "Launch",
	status: "paused",
	audience: { segment_id: null },
	template_id: "tpl_1",
	from_email: "news@example.com",
	from_name: "News",
	reply_to: null,
	schedule: null,
	settings: { track_opens: true, track_clicks: true },
	progress: { audience: 400, processed: 100 },
	created_at: "2026-12-02T08:00:00.000Z",
	updated_at: "2026-12-02T08:00:00.000Z",
	started_at: "2026-12-02T08:00:00.000Z",
	completed_at: null,
	pause_reason: null,
	...over,
});

const quota = {
	code: "provider_quota" as const,
	quota: "daily" as const,
	message: "Resend daily quota reached; resumes after 2026-12-03 00:00 UTC",
	resumes_at: "2026-12-03T00:00:00.000Z",
};

describe("the paused campaign's banner", () => {
	afterEach(cleanup);

	it("says the provider's quota paused it, when it resumes by itself, and that nobody failed", () => {
		render(() => <PauseBanner campaign={campaign({ pause_reason: quota })} status="paused" />);
		const alert = screen.getByRole("alert");
		expect(alert.textContent).toContain("Resend daily quota reached; resumes after 2026-12-03 00:00 UTC");
		expect(alert.textContent).toMatch(/resumes by itself at .+; nobody is marked failed/);
		expect(alert.textContent).toContain("resume earlier");
	});

	it("says a person paused it when there is no reason, and shows nothing once it sends again", () => {
		render(() => <PauseBanner campaign={campaign({})} status="paused" />);
		expect(screen.getByRole("alert").textContent).toMatch(/^Paused: nothing more is enqueued until you resume/);
		cleanup();
		render(() => <PauseBanner campaign={campaign({ pause_reason: quota })} status="sending" />);
		expect(screen.queryByRole("alert")).toBeNull();
	});
});
