import { describe, expect, it } from "vitest";
import { buildStarter } from "../../../../../worker/domain/journeys/starters";
import { deleteStep, insertStep, targetOf } from "./graph";
import { canUndo, record, startHistory, undo } from "./history";
import { joinOf, layoutOf } from "./layout";

const blank = () => buildStarter("blank", "").definition;
const cart = () => buildStarter("abandoned_cart", "tpl").definition;

describe("editing a journey's steps", () => {
	it("inserts a step on an arrow: what followed now follows the new step", () => {
		const { definition, id } = insertStep(blank(), { from: null, field: "start" }, "send_email");
		expect(definition.start).toBe(id);
		expect(definition.nodes[id]).toMatchObject({ type: "send_email", next: "end" });
		const second = insertStep(definition, { from: id, field: "next" }, "delay");
		expect(targetOf(second.definition, { from: id, field: "next" })).toBe(second.id);
		expect(second.definition.nodes[second.id]).toMatchObject({ type: "delay", duration: "P1D", next: "end" });
	});

	it("gives new steps ids that do not clash", () => {
		const a = insertStep(blank(), { from: null, field: "start" }, "send_email");
		const b = insertStep(a.definition, { from: a.id, field: "next" }, "send_email");
		expect(new Set([a.id, b.id]).size).toBe(2);
	});

	it("a fork inserted mid-flow starts with empty columns that meet at what followed", () => {
		const { definition, id } = insertStep(blank(), { from: null, field: "start" }, "wait_event");
		expect(definition.nodes[id]).toMatchObject({ on_event: "end", on_timeout: "end" });
		expect(joinOf(definition, id)).toBe("end");
	});

	it("an exit inserted mid-flow drops the steps it cuts off", () => {
		const def = cart();
		const { definition } = insertStep(def, { from: null, field: "start" }, "exit");
		expect(Object.keys(definition.nodes)).toHaveLength(1);
	});

	it("deleting a step reconnects what led to it with what followed", () => {
		const def = buildStarter("welcome", "t").definition;
		const next = deleteStep(def, "wait_2d", joinOf);
		expect(next.nodes.wait_2d).toBeUndefined();
		expect(next.nodes.welcome).toMatchObject({ next: "tips" });
		const first = deleteStep(def, "welcome", joinOf);
		expect(first.start).toBe("wait_2d");
	});

	it("deleting a fork keeps where its columns met and drops the columns", () => {
		const next = deleteStep(cart(), "wait_purchase", joinOf);
		expect(next.start).toBe("end");
		expect(Object.keys(next.nodes)).toEqual(["end"]);
	});

	it("never deletes an exit: every path ends in one", () => {
		const def = blank();
		expect(deleteStep(def, "end", joinOf)).toBe(def);
	});

	it("leaves the definition it was given untouched (undo keeps it)", () => {
		const def = cart();
		const copy = structuredClone(def);
		insertStep(def, { from: "wait_purchase", field: "on_event" }, "send_email");
		deleteStep(def, "reminder", joinOf);
		expect(def).toEqual(copy);
	});
});

describe("the vertical flow", () => {
	it("draws a wait's exits as columns that meet at the shared exit", () => {
		expect(layoutOf(cart())).toEqual([
			{ kind: "add", edge: { from: null, field: "start" } },
			{ kind: "step", id: "wait_purchase" },
			{
				kind: "columns",
				from: "wait_purchase",
				columns: [
					{
						field: "on_event",
						label: "purchase happened",
						items: [{ kind: "add", edge: { from: "wait_purchase", field: "on_event" } }],
					},
					{
						field: "on_timeout",
						label: "Timed out",
						items: [
							{ kind: "add", edge: { from: "wait_purchase", field: "on_timeout" } },
							{ kind: "step", id: "reminder" },
							{ kind: "add", edge: { from: "reminder", field: "next" } },
						],
					},
				],
			},
			{ kind: "step", id: "end" },
		]);
	});

	it("shows a loop back as a jump instead of drawing a step twice", () => {
		const def = buildStarter("welcome", "t").definition;
		const looped = {
			...def,
			nodes: { ...def.nodes, offer: { type: "send_email" as const, template_id: "t", next: "welcome" } },
		};
		const items = layoutOf(looped);
		expect(items.at(-1)).toEqual({ kind: "jump", to: "welcome" });
		expect(items.filter((i) => i.kind === "step")).toHaveLength(5);
	});
});

describe("undo", () => {
	it("takes back changes one at a time, latest first", () => {
		let h = startHistory("a");
		h = record(h, "b");
		h = record(h, "c");
		h = undo(h);
		expect(h.present).toBe("b");
		h = undo(h);
		expect(h.present).toBe("a");
		expect(canUndo(h)).toBe(false);
		expect(undo(h)).toBe(h);
	});
});
