import { type Enrollment, type HistoryEntry, isOver } from "./enrollment";

/*
 * A shard's live numbers (entered, completed, exits by reason, per node waiting / passed / sent, split arms) move
 * by the difference between an enrollment before and after a step, so reading them never scans the enrollments.
 */

export type CounterDelta = Map<string, number>;

/**
 * Counter keys: `entered`, `completed`, `exited:<reason>`, `waiting:<node>`, `passed:<node>`, `sent:<node>`,
 * `arm:<node>:<arm>`, and how the contacts who took an arm ended: `armgoal:<node>:<arm>` (the goal),
 * `armdone:<node>:<arm>` (completed).
 */
export const add = (delta: CounterDelta, key: string, n = 1) => delta.set(key, (delta.get(key) ?? 0) + n);

/** History entries `after` has beyond `before` (the history keeps its last MAX_HISTORY entries). */
function added(before: HistoryEntry[], after: HistoryEntry[]): HistoryEntry[] {
	const last = before.at(-1);
	if (!last) return after;
	for (let i = after.length - 1; i >= 0; i--) {
		const e = after[i];
		if (e && e.at === last.at && e.nodeId === last.nodeId && e.outcome === last.outcome) return after.slice(i + 1);
	}
	return after;
}

/** `<node>:<arm>` of every split arm the enrollment took (once each, however often a loop took it). */
const armsTaken = (e: Enrollment) =>
	new Set(e.history.filter((h) => h.outcome.startsWith("arm:")).map((h) => `${h.nodeId}:${h.outcome.slice(4)}`));

/** How the counters move when `before` (null: a new enrollment) becomes `after`. */
export function countChange(before: Enrollment | null, after: Enrollment, delta: CounterDelta = new Map()) {
	if (!before) add(delta, "entered");
	if (before && !isOver(before)) add(delta, `waiting:${before.nodeId}`, -1);
	if (!isOver(after)) add(delta, `waiting:${after.nodeId}`);
	if ((!before || !isOver(before)) && isOver(after)) {
		if (after.status === "completed") add(delta, "completed");
		else add(delta, `exited:${after.exitReason ?? "exited"}`);
		const ending = after.status === "completed" ? "armdone" : after.exitReason === "goal" ? "armgoal" : null;
		if (ending) for (const arm of armsTaken(after)) add(delta, `${ending}:${arm}`);
	}
	for (const entry of added(before?.history ?? [], after.history)) {
		if (entry.outcome.startsWith("held_") || entry.outcome.startsWith("exited:")) continue;
		add(delta, `passed:${entry.nodeId}`);
		if (entry.outcome === "sent") add(delta, `sent:${entry.nodeId}`);
		if (entry.outcome.startsWith("arm:")) add(delta, `arm:${entry.nodeId}:${entry.outcome.slice(4)}`);
	}
	return delta;
}

export type JourneyCounts = {
	entered: number;
	active: number;
	completed: number;
	exited: Record<string, number>;
	nodes: Record<
		string,
		{ waiting: number; passed: number; sent?: number; delivered?: number; opens?: number; clicks?: number }
	>;
	arms: Record<string, Record<string, number>>;
	/** Per split node and arm: how many of those who took it reached the goal, and how many completed. */
	armEndings: Record<string, Record<string, { goal: number; completed: number }>>;
};

/** Counters (summed over shards) in the shape of the stats answer. */
export function countsOf(counters: Iterable<[string, number]>): JourneyCounts {
	const counts: JourneyCounts = {
		entered: 0,
		active: 0,
		completed: 0,
		exited: {},
		nodes: {},
		arms: {},
		armEndings: {},
	};
	const node = (id: string) => {
		counts.nodes[id] ??= { waiting: 0, passed: 0 };
		return counts.nodes[id];
	};
	for (const [key, n] of counters) {
		const [kind, id = "", arm = ""] = key.split(":");
		if (kind === "entered") counts.entered += n;
		else if (kind === "completed") counts.completed += n;
		else if (kind === "exited") counts.exited[id] = (counts.exited[id] ?? 0) + n;
		else if (kind === "waiting") {
			node(id).waiting += n;
			counts.active += n;
		} else if (kind === "passed") node(id).passed += n;
		else if (kind === "sent") node(id).sent = (node(id).sent ?? 0) + n;
		else if (kind === "arm") {
			counts.arms[id] ??= {};
			counts.arms[id][arm] = (counts.arms[id][arm] ?? 0) + n;
		} else if (kind === "armgoal" || kind === "armdone") {
			counts.armEndings[id] ??= {};
			const ending = counts.armEndings[id][arm] ?? { goal: 0, completed: 0 };
			if (kind === "armgoal") ending.goal += n;
			else ending.completed += n;
			counts.armEndings[id][arm] = ending;
		}
	}
	return counts;
}
