import { describe, expect, it } from "vitest";
import { type JourneyDefinition, JourneyDefinitionSchema } from "../../contracts/journeys";
import { journeyReferences, validateJourneyGraph } from "./graph";
import { webhookUrlProblem } from "./webhook-url";

const journey = (nodes: Record<string, unknown>, extra: Record<string, unknown> = {}): JourneyDefinition =>
	JourneyDefinitionSchema.parse({ entry: { type: "api" }, start: "welcome", nodes, ...extra });

const WELCOME = {
	welcome: { type: "send_email", template_id: "tpl_1", next: "wait" },
	wait: { type: "delay", duration: "P3D", next: "check" },
	check: {
		type: "branch",
		paths: [{ if: { engagement: "clicked", node: "welcome" }, next: "done" }],
		else: "nudge",
	},
	nudge: { type: "send_email", template_id: "tpl_2", next: "done" },
	done: { type: "exit" },
};

const problems = (definition: JourneyDefinition, local = false) => validateJourneyGraph(definition, { local });

describe("journey graph validation", () => {
	it("accepts a welcome series with a delay and an engagement branch", () => {
		expect(problems(journey(WELCOME))).toEqual([]);
		expect(journeyReferences(journey(WELCOME))).toEqual({ templateIds: ["tpl_1", "tpl_2"], segmentIds: [] });
	});

	it("names the node and the field of a missing target, and a missing start", () => {
		const broken = journey({ ...WELCOME, nudge: { type: "send_email", template_id: "tpl_2", next: "gone" } });
		expect(problems(broken)).toContainEqual({ path: "nodes.nudge.next", message: 'No step "gone" in this journey' });
		expect(problems(journey(WELCOME, { start: "nowhere" }))).toContainEqual({
			path: "start",
			message: 'No step "nowhere" in this journey',
		});
	});

	it("refuses a step no path reaches, and a path that never ends in an exit", () => {
		const orphan = journey({ ...WELCOME, lost: { type: "exit" } });
		expect(problems(orphan)).toContainEqual({
			path: "nodes.lost",
			message: "No path from the start reaches this step",
		});
		const endless = journey({
			welcome: { type: "send_email", template_id: "t", next: "pause" },
			pause: { type: "delay", duration: "P1D", next: "welcome", max_iterations: 3 },
		});
		expect(problems(endless).map((p) => p.path)).toEqual(["nodes.welcome", "nodes.pause"]);
	});

	it("lets a loop run only through a delay and with max_iterations", () => {
		const loop = (delay: boolean, bound: boolean) =>
			journey({
				welcome: { type: "send_email", template_id: "t", next: "again", ...(bound ? { max_iterations: 3 } : {}) },
				again: delay
					? { type: "delay", duration: "P7D", next: "decide" }
					: { type: "update_contact", add_tags: ["x"], next: "decide" },
				decide: { type: "branch", paths: [{ if: { tag: "buyer" }, next: "done" }], else: "welcome" },
				done: { type: "exit" },
			});
		expect(problems(loop(true, true))).toEqual([]);
		expect(problems(loop(false, true))).toEqual([
			{ path: "nodes.welcome", message: "The loop welcome → again → decide → welcome must pass through a delay" },
		]);
		expect(problems(loop(true, false))).toEqual([
			{
				path: "nodes.welcome",
				message: "The loop welcome → again → decide → welcome must set max_iterations on one of its steps",
			},
		]);
	});

	it("checks delays, timeouts, split arms, engagement targets and the re-entry cooldown", () => {
		const definition = journey(
			{
				welcome: { type: "delay", duration: "P2Y", until_local: "09:00", next: "wait" },
				wait: { type: "wait_event", event: "purchase", timeout: "soon", on_event: "split", on_timeout: "split" },
				split: {
					type: "split",
					arms: [
						{ id: "a", weight: 50, next: "branch" },
						{ id: "a", weight: 50, next: "branch" },
					],
				},
				branch: { type: "branch", paths: [{ if: { engagement: "opened", node: "wait" }, next: "done" }], else: "done" },
				done: { type: "exit" },
			},
			{ reentry: { mode: "after_exit", cooldown: "PT0S" } },
		);
		expect(problems(definition).map((p) => p.path)).toEqual([
			"nodes.welcome",
			"nodes.welcome.duration",
			"nodes.wait.timeout",
			"nodes.split.arms.1.id",
			"nodes.branch.paths.0.if.node",
			"reentry.cooldown",
		]);
	});

	it("allows webhooks to public https hosts, and plain http to this machine only when running locally", () => {
		const hook = (url: string) => journey({ welcome: { type: "webhook", url, next: "done" }, done: { type: "exit" } });
		expect(problems(hook("https://hooks.example.com/x"))).toEqual([]);
		expect(problems(hook("http://127.0.0.1:9000/x"), true)).toEqual([]);
		expect(problems(hook("http://127.0.0.1:9000/x"))[0]?.path).toBe("nodes.welcome.url");
		for (const url of ["http://hooks.example.com", "https://10.0.0.8/", "https://169.254.169.254/", "https://[::1]/"]) {
			expect(webhookUrlProblem(url, { local: false }), url).not.toBeNull();
		}
		expect(webhookUrlProblem("https://user:pw@hooks.example.com/", { local: false })).toMatch(/user name/);
	});
});
