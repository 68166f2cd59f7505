import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("CampaignDO wiring", () => {
	it("is reachable by campaign id over RPC and keeps its snapshot in durable storage", async () => {
		const stub = env.CAMPAIGN.getByName("cmp_wiring");
		const created = await stub.init("cmp_wiring");
		expect(created).toMatchObject({ campaignId: "cmp_wiring", status: "draft" });
		expect(await env.CAMPAIGN.getByName("cmp_wiring").getSnapshot()).toEqual(created);
	});
});
