import type { JourneyNode } from "../../contracts/journeys";
import { parseDuration } from "./duration";
import { type Effect, type Enrollment, type ExecContext, idempotencyKey, type Waiting } from "./enrollment";
import { pickArm } from "./split";
import { delayEnd, sendWindow } from "./timing";

/*
 * What one node does for an enrollment that is at it and due: go on to a node (with an effect and an outcome for
 * the history), hold on the node until an instant, wait for an event, or complete. Pure: the executor applies it.
 */

export type Step =
	| { kind: "next"; to: string; outcome: string; effect?: Effect; yield?: boolean }
	| { kind: "hold"; until: number; outcome?: string }
	| { kind: "wait"; waiting: Waiting }
	| { kind: "complete" };

export function step(node: JourneyNode, nodeId: string, enrollment: Enrollment, ctx: ExecContext): Step {
	const key = idempotencyKey(enrollment, nodeId);
	switch (node.type) {
		case "send_email": {
			const window = sendWindow(ctx);
			if (window.heldBy) return { kind: "hold", until: window.at, outcome: `held_${window.heldBy}` };
			const effect: Effect = {
				type: "send_email",
				idempotencyKey: key,
				nodeId,
				templateId: node.template_id,
				transactional: ctx.transactional,
				...(node.from_name !== undefined && { fromName: node.from_name }),
				...(node.from_email !== undefined && { fromEmail: node.from_email }),
			};
			return { kind: "next", to: node.next, outcome: "sent", effect };
		}
		case "delay": {
			// A delay runs twice: on arrival it sets when it ends; once due, it goes on.
			if (enrollment.dueAt !== undefined) return { kind: "next", to: node.next, outcome: "delayed" };
			const end = delayEnd(node, ctx);
			if (end === null) return { kind: "next", to: node.next, outcome: "attribute_missing" };
			if (end <= ctx.now) return { kind: "next", to: node.next, outcome: "attribute_passed" };
			return { kind: "hold", until: end };
		}
		case "wait_event": {
			const matchValue =
				node.match_entry_property === undefined ? undefined : enrollment.entryProperties[node.match_entry_property];
			const waiting: Waiting = {
				event: node.event,
				startedAt: ctx.now,
				timeoutAt: ctx.now + (parseDuration(node.timeout) ?? 0),
				onEvent: node.on_event,
				onTimeout: node.on_timeout,
				...(matchValue !== undefined && { matchValue }),
			};
			return { kind: "wait", waiting };
		}
		case "branch": {
			const index = node.paths.findIndex((path) =>
				"node" in path.if && "engagement" in path.if
					? ctx.engaged(path.if.node, path.if.engagement)
					: ctx.evaluateRule(path.if),
			);
			const taken = node.paths[index];
			return taken
				? { kind: "next", to: taken.next, outcome: `path:${index}` }
				: { kind: "next", to: node.else, outcome: "else" };
		}
		case "split": {
			const arm = pickArm(enrollment.id, nodeId, node.arms);
			return { kind: "next", to: arm.next, outcome: `arm:${arm.id}` };
		}
		case "webhook": {
			const body = {
				journey_id: enrollment.journeyId,
				enrollment_id: enrollment.id,
				node_id: nodeId,
				contact: ctx.contact,
				entry_properties: enrollment.entryProperties,
			};
			return {
				kind: "next",
				to: node.next,
				outcome: "called",
				effect: { type: "webhook", idempotencyKey: key, nodeId, url: node.url, body },
			};
		}
		case "update_contact": {
			const effect: Effect = {
				type: "update_contact",
				idempotencyKey: key,
				nodeId,
				setAttributes: node.set_attributes ?? {},
				addTags: node.add_tags ?? [],
				removeTags: node.remove_tags ?? [],
			};
			// Later steps may read the contact (a branch on a tag just set): stop so the caller applies it first.
			return { kind: "next", to: node.next, outcome: "updated", effect, yield: true };
		}
		case "exit":
			return { kind: "complete" };
	}
}
